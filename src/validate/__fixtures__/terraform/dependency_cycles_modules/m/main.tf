variable "in" {
  type    = string
  default = ""
}

resource "aws_sns_topic" "t" {
  name = var.in
}

output "out" {
  value = var.in
}

output "topic" {
  value = aws_sns_topic.t.name
}

output "passthrough" {
  value = "fixed"
}
