terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "acl" {
  default = "public"
}

locals {
  algorithm = "aes256"
  retention = 4
}

resource "aws_s3_bucket_acl" "literal" {
  bucket = "x"
  acl    = "public"
}

resource "aws_s3_bucket_acl" "from_variable" {
  bucket = "x"
  acl    = var.acl
}

resource "aws_s3_bucket_acl" "from_function" {
  bucket = "x"
  acl    = upper("private")
}

resource "aws_s3_bucket_server_side_encryption_configuration" "nested_set" {
  bucket = "b"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = local.algorithm
    }
  }
}

resource "aws_cloudwatch_log_group" "numbers" {
  name              = "group"
  retention_in_days = local.retention
}

resource "aws_db_instance" "formats" {
  instance_class          = "db.t3.micro"
  engine                  = "mysql"
  kms_key_id              = "alias/aws/rds"
  monitoring_role_arn     = "arn:aws:iam::123:role/x"
  backup_retention_period = 40
  storage_type            = "gp9"
}

resource "aws_security_group_rule" "cidrs" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  security_group_id = "sg"
  cidr_blocks       = ["10.0.0.0/33", "10.0.1.0/16", "0.0.0.0/0"]
}

resource "aws_iam_policy" "not_json" {
  policy = "notjson"
}

resource "aws_iam_role_policy" "trailing_comma" {
  role   = "r"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [],
}
EOT
}

resource "aws_s3_bucket" "deprecated" {
  bucket = "x"
  acl    = "private"
}
