locals {
  big = range(1e7)
}
output "n" { value = length(local.big) }
