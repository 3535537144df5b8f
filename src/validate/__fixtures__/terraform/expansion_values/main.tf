resource "aws_sns_topic" "c_str" {
  count = "two"
  name = "x"
}

resource "aws_sns_topic" "c_numstr" {
  count = "2"
  name = "x"
}

resource "aws_sns_topic" "c_neg" {
  count = -1
  name = "x"
}

resource "aws_sns_topic" "c_frac" {
  count = 1.5
  name = "x"
}

resource "aws_sns_topic" "c_null" {
  count = null
  name = "x"
}

resource "aws_sns_topic" "c_bool" {
  count = true
  name = "x"
}

resource "aws_sns_topic" "c_list" {
  count = [1]
  name = "x"
}

resource "aws_sns_topic" "c_big" {
  count = 1e10
  name = "x"
}

resource "aws_sns_topic" "f_tuple" {
  for_each = ["a", "b"]
  name = each.key
}

resource "aws_sns_topic" "f_list" {
  for_each = tolist(["a"])
  name = each.key
}

resource "aws_sns_topic" "f_setnum" {
  for_each = toset([1, 2])
  name = each.key
}

resource "aws_sns_topic" "f_str" {
  for_each = "abc"
  name = each.key
}

resource "aws_sns_topic" "f_null" {
  for_each = null
  name = each.key
}

resource "aws_sns_topic" "f_num" {
  for_each = 3
  name = each.key
}

resource "aws_sns_topic" "f_map" {
  for_each = { a = "x" }
  name = each.key
}

resource "aws_sns_topic" "f_obj" {
  for_each = { a = 1, b = [2] }
  name = each.key
}

resource "aws_sns_topic" "f_setnull" {
  for_each = toset(["a", null])
  name = each.key
}

resource "aws_sns_topic" "f_emptytuple" {
  for_each = []
  name = each.key
}

resource "aws_sns_topic" "f_setbool" {
  for_each = toset([true])
  name = each.key
}

resource "aws_sns_topic" "f_mapnull" {
  for_each = tomap({ a = null })
  name = each.key
}
