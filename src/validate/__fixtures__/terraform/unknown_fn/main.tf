resource "aws_vpc" "v" {
  cidr_block = cidrsubnetx("10.0.0.0/8", 8, 1)
  tags = {
    Name = upper("a", "b")
    X    = lower()
  }
}
