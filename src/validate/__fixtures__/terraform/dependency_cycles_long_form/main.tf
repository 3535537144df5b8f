resource "aws_sns_topic" "first" {
  name = resource.aws_sns_topic.second.name
}

resource "aws_sns_topic" "second" {
  name = aws_sns_topic.first.name
}

resource "aws_sqs_queue" "plain" {
  name = resource.aws_sns_topic.first.name
}
