resource "aws_vpc" "v" {
  cidr_block = var.cidr
  tags = {
    Name = local.name
    Env  = "${var.env}-x"
  }
}
output "o" {
  value = path.modul
}
