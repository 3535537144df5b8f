resource "aws_key_pair" "k" {
  key_name   = "k"
  public_key = file("key.pub")
}
resource "aws_key_pair" "k2" {
  key_name   = "k"
  public_key = file("${path.module}/missing.pub")
}
