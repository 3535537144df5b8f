variable "zones" {
  type    = list
  default = ["a", "b"]
}

variable "labels" {
  type    = map
  default = { team = "core" }
}

variable "nested" {
  type = list(list)
}

output "first_zone" {
  value = var.zones[0]
}
