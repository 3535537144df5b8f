import { normalizeNumber, type RegoNumber } from '../value.ts';

/** Number literal text -> Rego number: exact bigint for large integers, float64 otherwise. */
export function parseNumber(text: string): RegoNumber {
  if (/^-?\d+$/.test(text)) return normalizeNumber(BigInt(text));
  // integral values written with exponent/fraction that exceed float precision stay floats (as OPA's big.Float)
  const n = Number(text);
  if (Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER && /^-?\d+(\.0*)?(e\+?\d+)?$/i.test(text)) {
    const m = /^(-?)(\d+)(?:\.(0*))?(?:e\+?(\d+))?$/i.exec(text);
    if (m) return normalizeNumber(BigInt(`${m[1]}${m[2]}${'0'.repeat(Number(m[4] ?? 0))}`));
  }
  return n;
}
