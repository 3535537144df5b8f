resource "aws_instance" "i" {
  ami           = "a"
  instance_type = "t2.micro"
  amii {
  }
  root_block_devic {
  }
}
