resource "aws_subnet" "s" {
  for_each   = toset(["a", "b"])
  vpc_id     = "vpc-1"
  cidr_block = each.value
  tags       = { Name = each.keys }
}
output "ids" {
  value = [for s in aws_subnet.s : s.id]
}
output "one" {
  value = aws_subnet.s.id
}
