module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
}

module "not_installed" {
  source = "git::https://example.com/modules.git"
}
