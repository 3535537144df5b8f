variable "names" {
  type    = list(string)
  default = ["a"]
}
variable "n" {
  type    = number
  default = -1
}
variable "nodef" {
  type = list(string)
}
resource "aws_sns_topic" "a" {
  for_each = var.names
  name     = "x"
}
resource "aws_sns_topic" "b" {
  count = var.n
  name  = "x"
}
resource "aws_sns_topic" "c" {
  for_each = var.nodef
  name     = "x"
}
resource "aws_sns_topic" "d" {
  for_each = ["x", aws_sns_topic.b[0].arn]
  name     = "x"
}
resource "aws_sns_topic" "e" {
  for_each = [var.n]
  name     = "x"
}
