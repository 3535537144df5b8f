resource "aws_instance" "i" {
  ami           = "a"
  instance_type = "t2.micro"
  root_block_device {
    volume_size = 8
  }
  root_block_device {
    volume_size = 9
  }
}
