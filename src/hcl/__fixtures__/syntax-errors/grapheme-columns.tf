locals {
  a = "é👍🏽" +
}
