provider "aws" {
  region = data.aws_region.current.name
}

data "aws_region" "current" {}

provider "aws" {
  alias  = "west"
  region = aws_sns_topic.t.name
}

resource "aws_sns_topic" "t" {
  provider = aws.west
  name     = "t"
}

variable "east_region" {
  type    = string
  default = "us-east-1"
}

locals {
  east = var.east_region
}

provider "aws" {
  alias  = "east"
  region = local.east
}

resource "aws_sns_topic" "east" {
  provider = aws.east
  name     = "east"
}
