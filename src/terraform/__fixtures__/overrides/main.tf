resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t2.micro"

  ebs_block_device {
    device_name = "/dev/sda"
  }

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
  }
}

locals {
  env  = "dev"
  keep = "yes"
}

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}
