variable "x" {}
locals {
  c = can(list(1))
  d = can(nosuch(1))
  e = try(nosuch(1), 1)
  f = try(length(5), 2)
  g = try(map(var.x))
  h = try(nosuch(var.x), lower(1,2))
}

output "o" {
  value = [for s in ["a"] : try(list(s))]
}
