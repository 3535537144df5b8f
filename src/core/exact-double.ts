/**
 * The exact value of |x|, a finite double, read from its IEEE 754 bits: |x| = mantissa × 2^exponent (subnormals
 * included; 0 is mantissa 0). The start of every exact conversion of a double to decimal text (Go's strconv in
 * Rego's sprintf, cty's exact decimals in Terraform).
 */
export function doubleParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
