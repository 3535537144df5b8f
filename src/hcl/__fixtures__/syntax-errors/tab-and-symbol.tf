locals {
  a = "☕	tab" b
}
