variable "cidr" {}
variable "name" {}
resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = var.nam }
}
output "vpc_id" {
  value = aws_vpc.this.id
}
