resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "c" {
  count      = 2
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "s" {
  vpc_id     = aws_vpc.v[0].id
  cidr_block = aws_vpc.c.cidr_block
}
