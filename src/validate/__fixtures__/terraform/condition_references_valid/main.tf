variable "names" {
  type    = list(string)
  default = ["a"]
  validation {
    condition     = alltrue([for n in var.names : can(regex("^[a-z]+$", n))]) && length(var.names) < 5
    error_message = "Names must be lowercase: ${join(", ", var.names)}."
  }
}

variable "size" {
  type    = number
  default = 1
  validation {
    condition     = var.size > 0 && var.size <= length(var.names) + 10
    error_message = "Size out of range."
  }
}

locals {
  prefix = "p"
}

resource "aws_sns_topic" "each" {
  for_each = toset(var.names)
  name     = "${local.prefix}-${each.key}"
  lifecycle {
    precondition {
      condition     = length(each.value) > 0
      error_message = "Empty name for ${each.key}."
    }
    postcondition {
      condition     = self.name != "" && startswith(self.arn, "arn:")
      error_message = "Bad topic ${self.name}."
    }
  }
}

resource "aws_sns_topic" "counted" {
  count = var.size
  name  = "c-${count.index}"
  lifecycle {
    precondition {
      condition     = count.index >= 0
      error_message = "Index ${count.index}."
    }
  }
}

data "aws_caller_identity" "me" {
  lifecycle {
    postcondition {
      condition     = self.account_id != ""
      error_message = "No account."
    }
  }
}

output "arns" {
  value = [for t in aws_sns_topic.each : t.arn]
  precondition {
    condition     = length(aws_sns_topic.each) > 0
    error_message = "No topics."
  }
}

check "health" {
  data "aws_region" "scoped" {}

  assert {
    condition     = data.aws_region.scoped.name != "" && data.aws_caller_identity.me.account_id != ""
    error_message = "Region ${data.aws_region.scoped.name} unknown."
  }
}
