region = "from-auto-a"
