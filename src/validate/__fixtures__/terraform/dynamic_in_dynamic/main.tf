terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
resource "aws_security_group" "sg" {
  name = "x"
  dynamic "ingress" {
    for_each = [1]
    dynamic "egress" {
      for_each = [2]
      content {}
    }
    content {
      from_port = 1
      to_port = 1
      protocol = "tcp"
    }
  }
}
