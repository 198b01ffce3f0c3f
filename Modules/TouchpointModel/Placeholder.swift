enum TouchpointModelModule {}
