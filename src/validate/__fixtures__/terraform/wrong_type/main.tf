resource "aws_vpc" "v" {
  cidr_block           = ["10.0.0.0/16"]
  enable_dns_hostnames = "yes"
  tags                 = "x"
}

resource "aws_instance" "i" {
  ami           = "a"
  instance_type = "t2.micro"
  monitoring    = 3
  cpu_core_count = "abc"
}
