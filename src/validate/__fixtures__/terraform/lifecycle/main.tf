resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  depends_on = [aws_vpc.w.id, "x"]
  lifecycle {
    create_before_destroy = true
    ignore_changes = [tags, cidr_blok]
    prevent_destroy = "yes"
    foo = 1
  }
}
resource "aws_vpc" "w" {
  cidr_block = "10.0.0.0/16"
}
