resource "aws_instance" "web" {
  ami           = var.ami
  instance_type = local.type
  subnet_id     = aws_subnet.main.id
  vpc_security_group_ids = [data.aws_security_group.x.id, module.m.id]
}
