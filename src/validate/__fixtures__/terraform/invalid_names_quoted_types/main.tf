variable "a" {
  type = "string"
}
variable "b" {
  type = "list"
}
variable "c" {
  type = "map"
}
variable "d" {
  type = "number"
}
resource "aws_sns_topic" "1bad" {
  name = "x"
}
data "aws_region" "2r" {}
variable "2v" {}
output "3o" {
  value = 1
}
module "4m" {
  source = "./m"
}
provider "aws" {
  alias = "5a"
}
