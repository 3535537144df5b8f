variable "n" {
  type    = number
  default = "abc"
}
variable "l" {
  type    = list(string)
  default = "x"
}
variable "m" {
  type    = map(number)
  default = { a = "b" }
}
variable "ok" {
  type    = bool
  default = "true"
}
variable "bad_type" {
  type = strin
}
