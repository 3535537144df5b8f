resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "v" {
  cidr_block = "10.1.0.0/16"
}

variable "a" {}
variable "a" {}
output "o" { value = 1 }
output "o" { value = 2 }
locals { x = 1 }
locals { x = 2 }
