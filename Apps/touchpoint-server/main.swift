print("touchpoint-server")
