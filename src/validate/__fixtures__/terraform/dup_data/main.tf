data "aws_region" "r" {}
data "aws_region" "r" {}
module "m" {
  source = "./m"
}
module "m" {
  source = "./m"
}
provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  region = "us-east-2"
}
