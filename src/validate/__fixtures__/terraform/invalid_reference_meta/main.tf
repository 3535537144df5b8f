variable "ports" {
  type    = list(number)
  default = [80, 443]
}

resource "aws_sns_topic" "depends" {
  name       = "x"
  depends_on = [aws_sns_topic, var]
}

resource "aws_sns_topic" "counted" {
  count = length
  name  = "y"
}

resource "aws_security_group" "dynamic" {
  name = "z"
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [cidr]
    }
  }
}

resource "aws_instance" "provisioned" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  provisioner "local-exec" {
    command = "echo ${self}"
  }
}

resource "aws_sns_topic" "fine" {
  for_each = toset(["a"])
  name     = each.key
  tags     = { for k, v in { a = 1 } : k => tostring(v) }
}

resource "aws_sns_topic" "keywords" {
  name = "k"

  provisioner "local-exec" {
    when       = destroy
    on_failure = continue
    command    = "echo ${self.name}"
  }
}
