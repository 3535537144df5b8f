resource "aws_security_group" "sg" {
  name = "sg"
  ingress = {
    from_port = 80
  }
}
