import { formatNumber, Sensitive, sortedKeys, type TfValue, Unknown } from '../eval/value.ts';

/**
 * YAML text as Terraform's `yamlencode` writes it (go-yaml emitter, as cty's yaml package drives it):
 * block style, every string and key double-quoted except multi-line strings (literal `|-` style), lines
 * folded at spaces past column 80, sequences inside mappings not indented, `{}`/`[]` for empty ones.
 */
export function yamlEncode(v: TfValue): string {
  const lines: string[] = [];
  if (v instanceof Sensitive) v = v.value;
  if (typeof v === 'string' && isLiteral(v)) pushLiteral(v, 2, lines, '');
  else emit(v, 0, lines, '');
  // A document that is one plain scalar ends with go-yaml's document end marker.
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || v instanceof Unknown) lines.push('...');
  return `${lines.join('\n')}\n`;
}

const BEST_WIDTH = 80;

function isEmptyCollection(v: TfValue): boolean {
  return (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);
}
function isPlainObject(v: TfValue): v is Record<string, TfValue> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Sensitive);
}

/** Appends the YAML for `v` whose first line starts with `prefix` (e.g. `"key": ` or `- `) at `indent`. */
function emit(v: TfValue, indent: number, lines: string[], prefix: string): void {
  if (v instanceof Sensitive) return emit(v.value, indent, lines, prefix);
  const pad = ' '.repeat(indent);
  if (Array.isArray(v) && v.length > 0) {
    v.forEach((item, i) => {
      const first = i === 0 && prefix !== '' ? prefix : `${pad}`;
      emitItem(item, indent, lines, `${first}- `);
    });
    return;
  }
  if (isPlainObject(v) && Object.keys(v).length > 0) {
    sortedKeys(v).forEach((k, i) => {
      const first = i === 0 && prefix !== '' ? prefix : pad;
      emitEntry(k, v[k]!, indent, lines, first);
    });
    return;
  }
  lines.push(prefix + scalar(v, indent, prefixColumn(prefix)));
}

function prefixColumn(prefix: string): number {
  return prefix.length;
}

function emitItem(item: TfValue, indent: number, lines: string[], prefix: string): void {
  if (item instanceof Sensitive) item = item.value;
  if ((Array.isArray(item) || isPlainObject(item)) && !isEmptyCollection(item)) {
    emit(item, indent + 2, lines, prefix);
    return;
  }
  if (typeof item === 'string' && isLiteral(item)) {
    pushLiteral(item, indent + 2, lines, prefix);
    return;
  }
  lines.push(prefix + scalar(item, indent + 2, prefix.length));
}

function emitEntry(key: string, value: TfValue, indent: number, lines: string[], linePrefix: string): void {
  if (value instanceof Sensitive) value = value.value;
  const keyText = `${linePrefix}${quoted(key, indent, linePrefix.length)}:`;
  if (Array.isArray(value) && value.length > 0) {
    lines.push(keyText);
    emit(value, indent, lines, '');
    return;
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    lines.push(keyText);
    emit(value, indent + 2, lines, '');
    return;
  }
  if (typeof value === 'string' && isLiteral(value)) {
    pushLiteral(value, indent + 2, lines, `${keyText} `);
    return;
  }
  lines.push(`${keyText} ${scalar(value, indent + 2, keyText.length + 1)}`);
}

function isLiteral(s: string): boolean {
  if (!s.includes('\n')) return false;
  if (/[ \t]\n/.test(s) || /[ \t]$/.test(s) || /\n[ \t]*$/.test(s.replace(/\n+$/, '')) || s.startsWith('\t')) return false;
  return [...s].every((c) => c === '\n' || isPrintable(c));
}

/** go-yaml's is_printable. */
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

function pushLiteral(s: string, indent: number, lines: string[], prefix: string): void {
  const trailing = /\n+$/.exec(s)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  // A first line starting with a space needs an explicit indentation indicator.
  lines.push(`${prefix}|${s.startsWith(' ') ? '2' : ''}${chomp}`);
  const body = trailing === 0 ? s : s.slice(0, s.length - trailing);
  const pad = ' '.repeat(indent);
  for (const line of body.split('\n')) lines.push(line === '' ? '' : pad + line);
  for (let i = 1; i < trailing; i++) lines.push('');
}

function scalar(v: TfValue, indent: number, column: number): string {
  if (v === null || v instanceof Unknown) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quoted(v, indent, column);
  return Array.isArray(v) ? '[]' : '{}';
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r',
  '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/** A double-quoted scalar, folded at spaces once past column 80 as go-yaml does. */
function quoted(s: string, indent: number, startColumn: number): string {
  let out = '"';
  let column = startColumn + 1;
  let prevSpace = false;
  const chars = Array.from(s);
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (!prevSpace && column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          column++;
        }
      } else {
        out += ' ';
        column++;
      }
      prevSpace = true;
      return;
    }
    prevSpace = false;
    const code = c.codePointAt(0)!;
    const esc =
      ESCAPES[c] ??
      (isPrintable(c)
        ? undefined
        : code <= 0xff
          ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`
          : code <= 0xffff
            ? `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`
            : `\\U${code.toString(16).padStart(8, '0').toUpperCase()}`);
    out += esc ?? c;
    column += esc ? esc.length : 1;
  });
  return `${out}"`;
}
