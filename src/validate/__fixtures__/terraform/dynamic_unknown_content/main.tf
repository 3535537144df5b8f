variable "sizes" {
  type    = list(number)
  default = [10]
}

resource "aws_instance" "dynamic" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = var.sizes
    content {
      device_name = foo.bar
      volume_size = ebs_block_device.value
    }
  }
}

resource "aws_instance" "dynamic2" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = var.sizes
    content {
      device_name = var.nope
      volume_size = nofunc(ebs_block_device.value)
    }
  }
}

resource "aws_instance" "dynamic3" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = var.sizes
    content {
      device_name = dev
      volume_size = ebs_block_device.value
      bogus       = 1
    }
  }
}

resource "aws_instance" "known" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = [1, 2]
    content {
      device_name = dev
      volume_size = var.nope
    }
  }
}
