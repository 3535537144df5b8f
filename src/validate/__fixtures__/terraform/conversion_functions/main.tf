locals {
  e = tostring([1])
  f = tonumber({ a = 1 })
  g = tobool("true")
}
