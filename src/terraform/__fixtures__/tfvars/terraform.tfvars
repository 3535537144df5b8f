list       = ["a"]
undeclared = 1
computed   = upper("x")
