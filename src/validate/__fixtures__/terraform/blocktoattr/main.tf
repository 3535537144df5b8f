resource "aws_security_group" "s" {
  name = "x"
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    foo         = 1
  }
}
