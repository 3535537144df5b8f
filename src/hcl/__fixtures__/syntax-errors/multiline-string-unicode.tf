locals {
  a = "café
  b = 1
}
