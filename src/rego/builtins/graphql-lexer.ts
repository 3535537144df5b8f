/** GraphQL lexer (October 2021 spec) with gqlparser's token naming, for the graphql.* builtins. */

export type TokenKind =
  | '<Invalid>' | '<EOF>' | '!' | '$' | '&' | '(' | ')' | '...' | ':' | '=' | '@' | '[' | ']' | '{' | '|' | '}'
  | 'Name' | 'Int' | 'Float' | 'String' | 'BlockString';

export interface Token {
  readonly kind: TokenKind;
  /** Name/number text or the string's value; empty for punctuators. */
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

/** How gqlparser prints a token in "Unexpected ..." messages. */
export function tokenText(t: Token): string {
  return t.value !== '' ? `${t.kind} ${JSON.stringify(t.value)}` : t.kind;
}

const PUNCTUATORS = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

function blockStringValue(raw: string): string {
  const lines = raw.split(/\r\n|[\n\r]/);
  let common: number | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    if (indent < line.length && (common === undefined || indent < common)) common = indent;
  }
  const out = lines.map((line, i) => (i > 0 && common !== undefined ? line.slice(common) : line));
  while (out.length > 0 && out[0]!.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out.join('\n');
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (kind: TokenKind, value: string, start: number): void => {
    // gqlparser places string tokens after their opening quotes.
    const shift = kind === 'String' ? 1 : kind === 'BlockString' ? 3 : 0;
    tokens.push({ kind, value, line, column: [...source.slice(lineStart, start)].length + 1 + shift });
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === ',' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      continue;
    }
    const start = i;
    if (PUNCTUATORS.has(c)) {
      push(c as TokenKind, '', start);
      i++;
      continue;
    }
    if (c === '.') {
      if (source.startsWith('...', i)) {
        push('...', '', start);
        i += 3;
      } else {
        push('<Invalid>', '', start);
        return tokens;
      }
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      push('Name', m[0], start);
      i += m[0].length;
      continue;
    }
    if (/[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
      if (!m || /^[A-Za-z_.]/.test(source.slice(i + m[0].length))) {
        push('<Invalid>', '', start);
        return tokens;
      }
      push(m[2] || m[3] ? 'Float' : 'Int', m[0], start);
      i += m[0].length;
      continue;
    }
    if (source.startsWith('"""', i)) {
      let j = i + 3;
      let raw = '';
      for (;;) {
        if (j >= source.length) {
          // Unterminated: gqlparser reports the end of the input.
          const newlines = raw.match(/\r\n|[\n\r]/g)?.length ?? 0;
          const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
          if (newlines) {
            line += newlines;
            lineStart = lastBreak + 1;
          }
          push('<Invalid>', '', source.length);
          return tokens;
        }
        if (source.startsWith('"""', j)) break;
        if (source.startsWith('\\"""', j)) {
          raw += '"""';
          j += 4;
          continue;
        }
        raw += source[j];
        j++;
      }
      push('BlockString', blockStringValue(raw), start);
      const newlines = raw.match(/\r\n|[\n\r]/g)?.length ?? 0;
      if (newlines) {
        line += newlines;
        lineStart = source.lastIndexOf('\n', j) + 1;
      }
      i = j + 3;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      let ok = false;
      while (j < source.length) {
        const d = source[j]!;
        if (d === '"') {
          ok = true;
          break;
        }
        if (d === '\n' || d === '\r') break;
        if (d === '\\') {
          const e = source[j + 1];
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e !== undefined && simple[e] !== undefined) {
            value += simple[e];
            j += 2;
            continue;
          }
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6))) {
            value += String.fromCharCode(parseInt(source.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          break;
        }
        value += d;
        j++;
      }
      if (!ok) {
        push('<Invalid>', '', start);
        return tokens;
      }
      push('String', value, start);
      i = j + 1;
      continue;
    }
    push('<Invalid>', '', start);
    return tokens;
  }
  tokens.push({ kind: '<EOF>', value: '', line, column: [...source.slice(lineStart)].length + 1 });
  return tokens;
}
