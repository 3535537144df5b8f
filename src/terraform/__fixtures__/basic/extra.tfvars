prefix = "from-var-file"
