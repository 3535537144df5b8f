locals {
  t = templatefile("${path.module}/self.tpl", {})
}
output "t" { value = local.t }
