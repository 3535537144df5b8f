# Every expression kind of HCL's native syntax, checked against HashiCorp's parser (hcl2json).
locals {
  numbers     = [0, 1.5, 1e3, 2.5E-2, -7, -(3)]
  bools       = [true, false, null]
  escapes     = "tab\tnl\nquote\"back\\uni\u00e9astral\U0001F600 $${lit} %%{lit}"
  unicode     = "café ☕ 😀"
  interp      = "pre-${var.name}-post"
  wrapped     = "${var.whole}"
  strip       = "a   ${~ var.x ~}   b"
  directive   = "%{ if var.on }yes%{ else }no%{ endif }"
  loop        = "%{ for k, v in var.m ~} ${k}=${v}, %{~ endfor ~}"
  traversal   = aws_s3_bucket.b.tags["Name"]
  computed    = aws_instance.web[count.index].id
  legacy      = aws_instance.web.0.id
  splat_full  = aws_instance.web[*].network_interface[0].id
  splat_attr  = aws_instance.web.*.id
  relative    = element(var.list, 1).name
  paren_index = (var.list)[0]
  call        = format("%s-%d", var.name, 3)
  expand      = max(var.numbers...)
  provider_fn = provider::aws::arn_parse("arn:aws:s3:::b")
  tuple       = [1, "two", [3], { four = 4 }, ]
  object      = { bare = 1, "quoted" = 2, (var.key) = 3, "${var.k}" = 4, colon: 5, multi = [
    1, # comment inside
    2,
  ] }
  ops         = 1 + 2 * 3 - 4 / 2 % 3
  compare     = a < b && c >= d || !e && f != g == h
  cond        = var.a ? "x" : var.b ? "y" : "z"
  cond_nested = (var.a ? 1 : 2) > 1 ? var.c ? 3 : 4 : 5
  neg         = -var.x.y
  for_tuple   = [for i, v in var.list : upper(v) if v != ""]
  for_object  = { for k, v in var.map : k => v... if k != "x" }
  for_simple  = { for s in var.set : s => length(s) }
  heredoc     = <<EOT
  line one ${var.x}
    line two $${not}
EOT
  indented    = <<-EOT
      first
        second ${var.y}
      %{ for x in var.xs ~}
      item ${x}
      %{ endfor ~}
    last
    EOT
  empty_heredoc = <<EOT
EOT
  templ_in_ops = "${var.a}${var.b}" == "ab"
  deep = [[[[{ a = [{ b = { c = [1] } }] }]]]]
}

resource "aws_s3_bucket" "b" {
  bucket = "my-${var.env}-bucket"
  dynamic "rule" {
    for_each = var.rules
    content {
      id = rule.value.id
    }
  }
  lifecycle {
    ignore_changes = [tags, tags["a"]]
  }
}

block_with_ident_labels label1 "label2" {
}
