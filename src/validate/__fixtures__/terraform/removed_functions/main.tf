variable "x" {}

locals {
  a = list(1, 2)
  b = map("k", "v")
  c = list(var.x)
  d = map(var.x, var.x)
  e = list()
  f = [for s in ["a"] : map(s, 1)]
  g = core::list(var.x)
  h = can(list(1))
  i = try(map("a", 1), {})
}

resource "aws_s3_bucket" "b" {
  bucket = list("a")[0]
  tags   = map("Name", var.x)
}

output "o" {
  value = "${list(var.x)}"
}
