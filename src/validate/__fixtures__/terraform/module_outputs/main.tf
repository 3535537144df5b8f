module "net" {
  source = "./net"
  cidr   = "10.0.0.0/16"
}
output "ok" {
  value = module.net.vpc_id
}
output "bad" {
  value = module.net.vpc_idd
}
resource "aws_subnet" "s" {
  vpc_id     = module.net.subnet
  cidr_block = "10.0.1.0/24"
}
