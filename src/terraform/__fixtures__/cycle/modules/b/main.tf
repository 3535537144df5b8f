module "back_to_a" {
  source = "../a"
}
