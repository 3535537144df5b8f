resource "aws_instance" "i" {
  ami           = "a"
  instance_type = "t2.micro"
  root_block_device {
    volume_sise = 8
  }
  ebs_block_device {
    volume_size = 8
  }
}
