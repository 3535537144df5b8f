import { formatNumber, isObject, collectionInfo, Sensitive, sortedKeys, type TfValue, Unknown } from './value.ts';

/**
 * Renders a value the way `terraform console` prints it: `tolist([...])`, `toset([...])`,
 * `tomap({...})` for typed collections, `[...]`/`{...}` for tuples/objects, `(known after apply)`,
 * `(sensitive value)`, heredocs for multi-line strings. Used to compare with the real console and
 * for human-readable output.
 */
export function formatConsole(v: TfValue, indent = 0): string {
  if (v instanceof Sensitive) return v.value instanceof Unknown ? '(known after apply)' : '(sensitive value)';
  if (v instanceof Unknown) return '(known after apply)';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (v.includes('\n')) {
      if (indent === 0) return `<<EOT\n${v}\nEOT`;
      const pad = '  '.repeat(indent);
      return `<<-EOT\n${v.split('\n').map((l) => pad + l).join('\n')}\n${pad}EOT`;
    }
    return quote(v);
  }
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  const info = collectionInfo(v);
  if (Array.isArray(v)) {
    const body = v.length === 0 ? '[]' : `[\n${v.map((x) => `${pad}${formatConsole(x, indent + 1)},\n`).join('')}${end}]`;
    if (info?.kind === 'list') return `tolist(${body})`;
    if (info?.kind === 'set') return `toset(${body})`;
    return body;
  }
  if (isObject(v)) {
    const keys = sortedKeys(v);
    const body =
      keys.length === 0
        ? '{}'
        : `{\n${keys.map((k) => `${pad}${quote(k)} = ${formatConsole(v[k]!, indent + 1)}\n`).join('')}${end}}`;
    return info?.kind === 'map' ? `tomap(${body})` : body;
  }
  return String(v);
}

function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += c;
  }
  return `${out}"`;
}
