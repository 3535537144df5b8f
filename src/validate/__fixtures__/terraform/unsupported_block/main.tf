resource "aws_security_group" "sg" {
  name = "sg"
  ingres {
    from_port = 80
  }
  tags {
    a = "b"
  }
}
