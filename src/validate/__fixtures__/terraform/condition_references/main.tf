output "o" {
  value = "a"
  precondition {
    condition     = var.missing != ""
    error_message = "z ${local.nolocal}"
  }
}

data "aws_region" "r" {
  lifecycle {
    precondition {
      condition     = var.missing2 != ""
      error_message = "x"
    }
    postcondition {
      condition     = self.name != "" && var.missing3 != ""
      error_message = "x"
    }
  }
}

resource "aws_sns_topic" "t" {
  name = "a"
  lifecycle {
    postcondition {
      condition     = self.name == var.missing4
      error_message = "y"
    }
  }
}

check "c" {
  assert {
    condition     = var.missing5 == "a"
    error_message = "x"
  }
}

variable "v" {
  type = string
  validation {
    condition     = local.x != var.v
    error_message = "bad ${var.v}"
  }
}
