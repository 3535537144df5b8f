locals {
  a = join(",")
  b = upper(var.x, 2)
  c = format()
  d = [for s in ["a"] : lower(s, 1)]
  e = "${replace("a", "b")}"
}
variable "x" {}
