resource "aws_s3_bucket" "b" {
  bucket = "x"
  arn    = "arn:aws:s3:::x"
}
resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = "x"
  }
  tags_all = {}
}
