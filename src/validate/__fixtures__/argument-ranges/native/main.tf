locals {
  abs_empty = abs("")
  abs_plain = abs("!x")
  abs_heredoc = abs(<<EOT
!x
EOT
  )
  abs_heredoc_indent = abs(<<-EOT
    !x
    EOT
  )
  abs_heredoc_interp = abs(<<EOT
${"!"}x
EOT
  )
  abs_template_interp = abs("${"!x"}")
  abs_template_mixed = abs("a${"!"}")
  abs_binary = abs("a" == "b")
  abs_binary_concat = abs(1 + 2 > 0)
  abs_conditional = abs(true ? "!x" : "y")
  abs_conditional_nested = abs(("a" == "a") ? "!x" : "y")
  abs_parens = abs(("!x"))
  abs_call = abs(lower("!X"))
  abs_tuple = abs(["!x"])
  extra_empty = upper("a", "")
  extra_plain = upper("a", "!x")
  extra_heredoc = upper("a", <<EOT
!x
EOT
  )
  extra_heredoc_indent = upper("a", <<-EOT
    !x
    EOT
  )
  extra_heredoc_interp = upper("a", <<EOT
${"!"}x
EOT
  )
  extra_template_interp = upper("a", "${"!x"}")
  extra_template_mixed = upper("a", "a${"!"}")
  extra_binary = upper("a", "a" == "b")
  extra_binary_concat = upper("a", 1 + 2 > 0)
  extra_conditional = upper("a", true ? "!x" : "y")
  extra_conditional_nested = upper("a", ("a" == "a") ? "!x" : "y")
  extra_parens = upper("a", ("!x"))
  extra_call = upper("a", lower("!X"))
  extra_tuple = upper("a", ["!x"])
  b64_empty = base64decode("")
  b64_plain = base64decode("!x")
  b64_heredoc = base64decode(<<EOT
!x
EOT
  )
  b64_heredoc_indent = base64decode(<<-EOT
    !x
    EOT
  )
  b64_heredoc_interp = base64decode(<<EOT
${"!"}x
EOT
  )
  b64_template_interp = base64decode("${"!x"}")
  b64_template_mixed = base64decode("a${"!"}")
  b64_binary = base64decode("a" == "b")
  b64_binary_concat = base64decode(1 + 2 > 0)
  b64_conditional = base64decode(true ? "!x" : "y")
  b64_conditional_nested = base64decode(("a" == "a") ? "!x" : "y")
  b64_parens = base64decode(("!x"))
  b64_call = base64decode(lower("!X"))
  b64_tuple = base64decode(["!x"])
  file_empty = file("")
  file_plain = file("!x")
  file_heredoc = file(<<EOT
!x
EOT
  )
  file_heredoc_indent = file(<<-EOT
    !x
    EOT
  )
  file_heredoc_interp = file(<<EOT
${"!"}x
EOT
  )
  file_template_interp = file("${"!x"}")
  file_template_mixed = file("a${"!"}")
  file_binary = file("a" == "b")
  file_binary_concat = file(1 + 2 > 0)
  file_conditional = file(true ? "!x" : "y")
  file_conditional_nested = file(("a" == "a") ? "!x" : "y")
  file_parens = file(("!x"))
  file_call = file(lower("!X"))
  file_tuple = file(["!x"])
}
