resource "aws_instance" "g" {
  ami           = "a"
  instance_type = "t2.micro"
  root_block_device "x" {
    volume_size = 1
  }
}
