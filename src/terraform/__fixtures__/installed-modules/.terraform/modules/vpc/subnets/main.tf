resource "aws_subnet" "a" {
  vpc_id = "x"
}
