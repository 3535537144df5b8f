resource "aws_iam_role" "r" {
  name = "x"
}

resource "aws_lb_listener" "l" {
  port = 80
}
