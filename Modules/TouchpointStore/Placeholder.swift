enum TouchpointStoreModule {}
