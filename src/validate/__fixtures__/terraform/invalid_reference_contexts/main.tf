locals {
  bare_root = path
  fine      = [for x in ["a"] : upper(x)]
}

output "bare_module" {
  value = module
}

output "bare_terraform" {
  value = terraform
}

module "child" {
  source = "./child"
  name   = each
}

provider "aws" {
  region = region
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
    for_each = [80]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = cidr
    }
  }
}
