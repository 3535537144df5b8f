# Configuration for the expression table: `terraform console` runs in this directory
# (scripts/record-terraform-console.ts) and the tests resolve var.* and local.* from it.
variable "region" {
  default = "us-east-1"
}

variable "tags" {
  default = { Env = "prod", Team = "core" }
}

variable "nums" {
  default = [3, 1, 2]
}

variable "secret" {
  default   = "hunter2"
  sensitive = true
}

locals {
  list      = ["a", "b", "c"]
  nums      = [1, 2, 3, 4]
  obj       = { name = "web", size = 2, enabled = true }
  users     = { alice = { role = "admin", age = 30 }, bob = { role = "dev", age = 25 } }
  nested    = [{ name = "x", ports = [80, 443] }, { name = "y", ports = [22] }]
  empty     = []
  nothing   = null
  str_list  = tolist(["b", "a"])
  a_set     = toset(["z", "y", "z"])
  a_map     = tomap({ k1 = "v1", k2 = "v2" })
  multiline = "line1\nline2"
  cidr      = "10.0.0.0/16"
  derived   = "${var.region}-${local.obj.name}"
  subnets   = { for i, az in ["a", "b"] : az => cidrsubnet(local.cidr, 8, i) }
  tpl       = "Hello, $${name}!%%{ for x in xs }<$${x}>%%{ endfor }"
  tpl_plain = "Hello, ${"$"}{name}!"
}
