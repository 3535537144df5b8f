resource "aws_vpc" "v" {
  count      = 2
  for_each   = toset(["a"])
  cidr_block = "10.0.0.0/16"
}
