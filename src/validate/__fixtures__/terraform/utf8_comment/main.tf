locals {
  a = 1 # bad ÿ
  /* þ */
  b = 2
}
// Ã
