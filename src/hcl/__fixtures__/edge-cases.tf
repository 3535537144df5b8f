locals { one_line = 1 }
locals {
  empty_object = {}
  empty_tuple  = []
  newline_items = {
    a = 1
    b = 2
    "c" = 3
  }
  comma_and_newline = { a = 1,
    b = 2 }
  nested_for   = [for xs in var.xss : [for x in xs : x * 2]]
  splat_call   = values(var.m)[*].id
  index_call   = keys(var.m)[0]
  attr_of_idx  = var.list[0].name
  tabs_heredoc = <<-EOT
		tabbed
			more
		EOT
  mixed_indent = <<-EOT
      ${var.a} lead
    text
    EOT
  directive_only = <<-EOT
    %{ if var.x }
    yes
    %{ endif }
    EOT
  nested_directives = "%{ for x in var.l }%{ if x != "" }${x}%{ endif }%{ endfor }"
  quote_in_interp = "${jsonencode({ "a" = "b" })}"
  heredoc_in_call = trimspace(<<EOT
  inner
EOT
  )
  unicode_ident = { café = 1 }
  percent_literal = "100% done, 50%% off, %"
  dollar_literal  = "$5 and $ {x} and $"
  backslashes     = "C:\\path\\to"
  arith           = (1 + 2) * -3 / 4 % 5
  not_not         = !!true
  compare_chain   = 1 < 2 == true
  cond_in_tuple   = [var.a ? 1 : 2, var.b ? "x" : "y"]
  object_cond_key = { (var.a ? "k1" : "k2") = 1 }
  long_traversal  = data.terraform_remote_state.net.outputs.vpc.subnets["a"].id
  legacy_splat    = aws_instance.x.*.tags.Name
  number_forms    = [0.5, 10.25e+2, 3E2, 007]
}

/* block comment
   spanning lines */
resource "aws_instance" "x" { # trailing comment
  // line comment
  ami = "ami-1" # after value
}
