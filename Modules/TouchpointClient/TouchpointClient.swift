// Placeholder: filled in by the issue that builds TouchpointClient.
enum TouchpointClientModule {}
