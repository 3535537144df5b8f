locals {
  a = upper(["a"])
  b = cidrsubnet("10.0.0.0/16", "x", 1)
  c = join(",", "a")
  d = join(",", ["a"], "b")
  f = max(1, "two")
  g = lower(true)
}
