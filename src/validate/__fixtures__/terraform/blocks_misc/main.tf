variable "v" {
  typo = 1
}
output "o" {
  description = "x"
}
provider "aws" {
  region  = "us-east-1"
  regoin  = "x"
}
resource "aws_s3_bucket" "b" {
  bucket = "x"
  lifecycle {
    prevent_destroy = 1
  }
}
