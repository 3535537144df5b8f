/** How print() and string templates render a value: top-level strings raw, anything else as Rego text. */
import { regoText } from '../builtins/value-text.ts';
import type { RegoValue } from '../value.ts';

export function printText(v: RegoValue): string {
  return typeof v === 'string' ? v : regoText(v);
}
