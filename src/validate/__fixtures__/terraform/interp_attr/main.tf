resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "s" {
  vpc_id     = "${aws_vpc.v.idd}"
  cidr_block = aws_vpc.v.cidr_block
}
resource "aws_subnet" "t" {
  vpc_id     = aws_vpc.v.id
  cidr_block = aws_vpc.v.cidr_block
  availability_zone = data.aws_availability_zones.az.names[0]
}
