terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "env" {
  type    = string
  default = "dev"
}

locals {
  prefix = "app-${var.env}"
  sizes  = [1, 2.5, true, null]
}

resource "aws_s3_bucket" "b" {
  bucket     = "${local.prefix}-logs"
  count      = 2
  depends_on = [aws_iam_role.r]
  tags = {
    Name = "x"
  }
  lifecycle {
    ignore_changes = [tags]
  }
  provisioner "local-exec" {
    command = "echo ${self.id}"
  }
}

output "arn" {
  value = "${aws_s3_bucket.b[0].arn}"
}
