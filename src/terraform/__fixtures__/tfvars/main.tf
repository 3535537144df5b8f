variable "list" {
  type = list(string)
}

variable "computed" {
  type = string
}
