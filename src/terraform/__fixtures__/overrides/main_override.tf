resource "aws_instance" "web" {
  instance_type = "t3.large"

  ebs_block_device {
    device_name = "/dev/sdb"
  }

  lifecycle {
    prevent_destroy = true
  }
}

locals {
  env = "prod"
}
