data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    value  = ["ubuntu/*"]
  }
}
data "aws_s3_bucket" "b" {
}
resource "aws_iam_policy_document" "p" {
}
resource "aws_instance" "i" {
  ami           = data.aws_ami.ubuntu.idd
  instance_type = "t2.micro"
}
