resource "aws_lambda_function" "f" {
}
resource "aws_db_instance" "d" {
  engine = "mysql"
}
resource "aws_lb_listener" "l" {
  load_balancer_arn = "x"
  default_action {
  }
}
