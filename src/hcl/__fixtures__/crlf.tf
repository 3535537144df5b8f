locals {
  a = "x"
  h = <<-EOT
    one
      two ${var.x}
    EOT
  t = <<EOT
	Tabbed
EOT
}
