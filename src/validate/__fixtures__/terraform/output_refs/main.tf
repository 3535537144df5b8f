output "a" {
  value = aws_vpc.nope.id
}
output "b" {
  value = var.nope
}
locals {
  x = lenght([1])
}
