// Placeholder: filled in by the issue that builds TouchpointServer.
enum TouchpointServerModule {}
