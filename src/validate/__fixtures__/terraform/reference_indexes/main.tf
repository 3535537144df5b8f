resource "aws_instance" "x" {
  count         = 2
  ami           = "a"
  instance_type = "t2.micro"
  root_block_device {
    volume_size = 8
  }
}
resource "aws_lb" "l" {
  subnet_mapping {
    subnet_id = "s"
  }
}
resource "aws_security_group" "g" {
  name = "g"
}
output "a" {
  value = aws_instance.x.0.id
}
output "b" {
  value = aws_instance.x[0].root_block_device.0.volume_size
}
output "c" {
  value = aws_instance.x.*.id
}
output "d" {
  value = aws_lb.l.subnet_mapping[0].subnet_id
}
output "e" {
  value = aws_security_group.g.ingress[0].from_port
}
output "f" {
  value = aws_instance.x[0]["ami"]
}
