variable "disks" {
  type    = list(string)
  default = ["/dev/sdb"]
}

# for_each is unknown at validate time (a variable): the generated blocks' values are not checked.
resource "aws_instance" "from_variable" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  dynamic "ebs_block_device" {
    for_each = var.disks
    content {
      device_name = ebs_block_device.value
      volume_size = "large"
    }
  }
}

# for_each is known: each generated block is decoded and its values converted.
resource "aws_instance" "from_literal" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  dynamic "ebs_block_device" {
    for_each = ["/dev/sdc"]
    content {
      device_name = ebs_block_device.value
      volume_size = "large"
    }
  }
}
