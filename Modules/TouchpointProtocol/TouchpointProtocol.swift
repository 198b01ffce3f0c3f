// Placeholder: filled in by the issue that builds TouchpointProtocol.
enum TouchpointProtocolModule {}
