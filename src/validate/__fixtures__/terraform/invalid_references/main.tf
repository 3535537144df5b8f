variable "region" {
  type    = string
  default = "us-east-1"
}

resource "aws_sns_topic" "bare_name" {
  name = team-alert-topic
}

resource "aws_sns_topic" "bare_type" {
  name = aws_sns_topic
}

resource "aws_sns_topic" "indexed_type" {
  name = aws_sns_topic[0]
}

resource "aws_sns_topic" "short_data" {
  name = data.aws_region
}

resource "aws_sns_topic" "short_resource" {
  name = resource.aws_sns_topic
}

resource "aws_sns_topic" "prefixed_undeclared" {
  name = resource.aws_sns_topic.missing.name
}

resource "aws_sns_topic" "prefixed_declared" {
  name = "${resource.aws_sns_topic.bare_name.name}-copy"
}

resource "aws_sns_topic" "bare_var" {
  name = var
}

resource "aws_sns_topic" "indexed_local" {
  name = local["x"]
}

resource "aws_sns_topic" "bare_count" {
  count = 1
  name  = count
}

resource "aws_sns_topic" "each_attribute" {
  name = each.name
}

resource "aws_sns_topic" "count_attribute" {
  name = count.number
}

resource "aws_sns_topic" "terraform_attribute" {
  name = terraform.env
}

resource "aws_sns_topic" "reserved" {
  name = template.name
}

resource "aws_sns_topic" "short_ephemeral" {
  name = ephemeral.aws_kms_secrets
}

resource "aws_sns_topic" "for_variable" {
  name = join("-", [for part in ["a", "b"] : part])
  tags = { name = "x" }
}
