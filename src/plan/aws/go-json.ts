import { goJsonString as goString } from '../../core/go-json-string.ts';

/**
 * JSON text exactly as Go's encoding/json writes it: strings escaped by `core/go-json-string.ts` (`<`, `>`, `&`,
 * U+2028 and U+2029 as \u003c...), map keys sorted (when `sortKeys`), `MarshalIndent(v, "", "  ")` layout when
 * `indent`.
 */
export function goJson(value: unknown, options: { indent?: boolean; sortKeys?: boolean } = {}): string {
  return write(value, options, '');
}

function write(value: unknown, options: { indent?: boolean; sortKeys?: boolean }, pad: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? goNumber(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => write(v, options, inner));
    return options.indent ? `[\n${items.map((i) => inner + i).join(',\n')}\n${pad}]` : `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  let keys = Object.keys(record).filter((k) => record[k] !== undefined);
  if (options.sortKeys) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  const items = keys.map((k) => `${goString(k)}:${options.indent ? ' ' : ''}${write(record[k], options, inner)}`);
  return options.indent ? `{\n${items.map((i) => inner + i).join(',\n')}\n${pad}}` : `{${items.join(',')}}`;
}

function goNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential();
  }
  return String(n);
}

/** The provider's `structure.NormalizeJsonString`: parse and re-encode compactly with sorted keys. */
export function normalizeJsonString(text: string): string | undefined {
  try {
    return goJson(JSON.parse(text), { sortKeys: true });
  } catch {
    return undefined;
  }
}
