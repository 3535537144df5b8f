resource "aws_sns_topic" "t" {
  name = "t"
}

output "topic_name" {
  value = aws_sns_topic.t.name
}
