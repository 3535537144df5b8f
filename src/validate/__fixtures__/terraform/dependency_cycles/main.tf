resource "aws_sns_topic" "c1" {
  name = aws_sns_topic.c2.name
}

resource "aws_sns_topic" "c2" {
  name = aws_sns_topic.c1.name
}

locals {
  a = local.b
  b = local.a
  c = "fine"
}

resource "aws_sns_topic" "selfref" {
  name = aws_sns_topic.selfref.arn
}

resource "aws_security_group" "a" {
  name = "a"
  ingress {
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    security_groups = [aws_security_group.b.id]
  }
}

resource "aws_security_group" "b" {
  name = "b"
  ingress {
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    security_groups = [aws_security_group.a.id]
  }
}
