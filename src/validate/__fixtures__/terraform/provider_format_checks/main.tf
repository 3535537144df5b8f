resource "aws_vpc" "main" {
  cidr_block = "10.0.1.0/16"
}

resource "aws_vpc" "v6" {
  cidr_block      = "10.1.0.0/16"
  ipv6_cidr_block = "2001:db8::/32"
}
