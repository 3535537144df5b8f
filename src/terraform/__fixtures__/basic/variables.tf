variable "region" {
  type        = string
  default     = "us-east-1"
  description = "AWS region"
}

variable "prefix" {
  type = string
}

variable "bucket_count" {
  type     = number
  default  = 1
  nullable = false
}

variable "tags" {
  type      = map(string)
  default   = {}
  sensitive = true

  validation {
    condition     = length(var.tags) < 10
    error_message = "Too many tags."
  }
}

locals {
  name = "${var.prefix}-app"
  ids  = [for r in aws_iam_role.app : r.id]
}
