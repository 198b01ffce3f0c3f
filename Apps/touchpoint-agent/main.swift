print("touchpoint-agent")
