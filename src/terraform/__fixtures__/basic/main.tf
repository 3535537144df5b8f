terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = "~> 3.0"
  }
  backend "s3" {
    bucket = "state"
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_s3_bucket" "logs" {
  bucket   = "${var.prefix}-logs"
  count    = var.bucket_count
  provider = aws.west

  tags = {
    Name = "logs"
  }

  versioning {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [aws_iam_role.app]
}

resource "aws_iam_role" "app" {
  for_each           = toset(["a", "b"])
  name               = "app-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  provisioner "local-exec" {
    command = "echo ${self.arn}"
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

module "network" {
  source     = "./modules/network"
  cidr_block = "10.0.0.0/16"
  providers = {
    aws = aws.west
  }
}

module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
}
