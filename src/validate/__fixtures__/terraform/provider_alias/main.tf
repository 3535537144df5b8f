resource "aws_vpc" "v" {
  provider   = aws.west
  cidr_block = "10.0.0.0/16"
}
