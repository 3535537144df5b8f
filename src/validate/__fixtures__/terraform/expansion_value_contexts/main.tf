variable "names" {
  type    = list(string)
  default = ["a"]
}
variable "enabled" {
  type    = bool
  default = true
}
locals {
  names = ["a", "b"]
  nums  = toset([1, 2])
  m     = { for n in local.names : n => upper(n) }
}
module "bad" {
  source   = "./child"
  for_each = local.names
}
module "badc" {
  source = "./child"
  count  = "x"
}
module "ok" {
  source   = "./child"
  for_each = toset(local.names)
}
resource "aws_sns_topic" "l" {
  for_each = local.names
  name     = each.key
}
resource "aws_sns_topic" "n" {
  for_each = local.nums
  name     = each.key
}
resource "aws_sns_topic" "ok1" {
  for_each = toset(var.names)
  name     = each.key
}
resource "aws_sns_topic" "ok2" {
  count = var.enabled ? 1 : 0
  name  = "x"
}
resource "aws_sns_topic" "ok3" {
  for_each = local.m
  name     = each.value
}
resource "aws_sns_topic" "ok4" {
  count = length(var.names)
  name  = "x${count.index}"
}
resource "aws_sns_topic" "ok5" {
  for_each = { for t in aws_sns_topic.ok4 : t.name => t }
  name     = each.key
}
resource "aws_sns_topic" "v" {
  for_each = var.names
  name     = each.key
}
data "aws_region" "d" {
  count = -2
}
