terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
locals {
  a = provider::aws::arn_parse("bad")
  b = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x")
  c = provider::aws::nope("x")
  d = provider::aws::arn_build("aws", "iam", "", "123456789012")
  e = provider::aws::trim_iam_role_path(5)
  f = provider::awz::arn_parse("x")
}
resource "aws_s3_bucket_acl" "x" {
  bucket = "b"
  acl    = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x").partition
}
