resource "aws_vpc" "v" {
  cidr_block = "10.0.0.${count.index}/16"
  tags = { Name = each.key }
}
