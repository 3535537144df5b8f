module "net" {
  source = "./net"
  cidr   = "10.0.0.0/16"
  extra  = 1
}
output "id" {
  value = module.net.vpc_id
}
output "bad" {
  value = module.nett.vpc_id
}
