resource "aws_s3_bucket" {
  bucket = "x"
}
variable {
}
resource "aws_security_group" "g" {
  name = "g"
  timeouts "x" {
    create = "1m"
  }
}
