resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = "x"
    Obj  = { a = 1 }
  }
}
resource "aws_security_group" "s" {
  name = "x"
  ingress {
    from_port   = "eighty"
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = "0.0.0.0/0"
  }
}
resource "aws_instance" "i" {
  ami                    = "a"
  instance_type          = "t2.micro"
  vpc_security_group_ids = ["a", ["b"]]
  monitoring             = "True"
}
