import { normalizeNumber, type RegoNumber } from '../value.ts';

/**
 * Number literal text -> Rego number: exact bigint for integers beyond 2^53 (also when written with a fraction or
 * exponent that makes them integral, e.g. `1e30` or `2e308`, which float64 cannot hold exactly or at all),
 * float64 otherwise.
 */
export function parseNumber(text: string): RegoNumber {
  if (/^-?\d+$/.test(text)) return normalizeNumber(BigInt(text));
  const n = Number(text);
  if (Number.isFinite(n) && (!Number.isInteger(n) || Math.abs(n) <= Number.MAX_SAFE_INTEGER)) return n;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return n;
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  if (exponent < 0 || exponent > 100_000) return n;
  return normalizeNumber(BigInt(`${m[1]}${m[2]}${fraction}`) * 10n ** BigInt(exponent));
}
