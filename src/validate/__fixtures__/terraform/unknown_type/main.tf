resource "aws_s3_buckt" "b" {
  bucket = "x"
}

data "aws_iam_policy_documen" "d" {
}

resource "aws_nothinglike_this_at_all" "z" {
}
