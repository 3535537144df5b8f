locals {
  a = try()
  b = can()
  c = can(1, 2)
  d = upper("a", "b")
  e = core::upper()
  f = join(",")
  g = length(5)
  h = cidrsubnet("x", 1, 1)
  i = upper(["a"]...)
  j = coalesce()
}
