resource "aws_vpc" "v" {
  cidr_block = aws_vpc.v.cidr_block
}
