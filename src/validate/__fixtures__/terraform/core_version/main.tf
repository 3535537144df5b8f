terraform {
  required_version = "~> 0.14"
}
terraform {
  required_version = ">= 1.0, < 1.5"
}
terraform {
  required_version = ">= 0.12"
}
terraform {
  required_version = "~> 1.0"
}
terraform {
  required_version = "~> 1.11.0"
}
terraform {
  required_version = "~> 1.10.0"
}
terraform {
  required_version = "1.11.4"
}
resource "aws_sns_topic" "y" {
  name = "x"
}
