resource "aws_security_group" "s" {
  name = "x"
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port = ingress.value
      to_port   = ingress.valu
      protocol  = "tcp"
    }
  }
}
