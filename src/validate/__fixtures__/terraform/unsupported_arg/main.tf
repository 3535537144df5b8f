resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_typo = "t2.micro"
  foo_bar_baz   = 1
}
