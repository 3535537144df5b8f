/**
 * Rego lexer: source text -> tokens with 1-based row/col. Keeps number text (arbitrary precision is decided by the
 * parser), decodes string escapes, raw strings, and template strings (`$"..{expr}.."`) whose expression parts are
 * kept as source text for the parser to parse recursively. Comments are collected separately (for `# METADATA`).
 */
import { RegoSyntaxError } from './errors.ts';

export type TokenKind = 'ident' | 'number' | 'string' | 'template' | 'op' | 'eof';

export interface TemplatePart {
  /** Literal text, or the source of an embedded expression (with its position). */
  readonly text?: string;
  readonly expr?: string;
  readonly row?: number;
  readonly col?: number;
  /** Offset of the expression source in the file (UTF-16 code units). */
  readonly offset?: number;
}

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, operator text, number text or decoded string value. */
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly offset: number;
  readonly end: number;
  /** A newline (or start of input) precedes this token. */
  readonly nlBefore: boolean;
  /** Whitespace precedes this token. */
  readonly wsBefore: boolean;
  readonly raw?: boolean;
  readonly parts?: TemplatePart[];
}

export interface Comment {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

const TWO_CHAR_OPS = new Set([':=', '==', '!=', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['<', '>', '=', '+', '-', '*', '/', '%', '&', '|', '[', ']', '{', '}', '(', ')', '.', ',', ';', ':']);

const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentChar = (c: string): boolean => isIdentStart(c) || isDigit(c);

/** `startRow`/`startCol`/`baseOffset`: where `source` starts in its file (template expressions are lexed on their own). */
export function lex(source: string, filename: string, startRow = 1, startCol = 1, baseOffset = 0): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let row = startRow;
  let lineStart = -(startCol - 1);
  let nl = true;
  let ws = true;
  const fail = (message: string, r = row, c = i - lineStart + 1): never => {
    throw new RegoSyntaxError(filename, r, c, message);
  };
  let col = 1;
  let start = 0;
  const push = (kind: TokenKind, text: string, extra?: Partial<Token>): void => {
    const t: Token = { kind, text, row, col, offset: baseOffset + start, end: baseOffset + i, nlBefore: nl, wsBefore: ws };
    tokens.push(extra ? { ...t, ...extra } : t);
    nl = false;
    ws = false;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      i++;
      row++;
      lineStart = i;
      nl = true;
      ws = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      ws = true;
      continue;
    }
    col = i - lineStart + 1;
    start = i;
    if (c === '#') {
      let j = i;
      while (j < source.length && source[j] !== '\n') j++;
      comments.push({ text: source.slice(i + 1, j).replace(/\r$/, ''), row, col });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < source.length && isIdentChar(source[j]!)) j++;
      i = j;
      push('ident', source.slice(start, j));
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      let j = i;
      while (isDigit(source[j] ?? '')) j++;
      if (source[j] === '.' && isDigit(source[j + 1] ?? '')) {
        j++;
        while (isDigit(source[j] ?? '')) j++;
      }
      if (source[j] === 'e' || source[j] === 'E') {
        let k = j + 1;
        if (source[k] === '+' || source[k] === '-') k++;
        if (isDigit(source[k] ?? '')) {
          j = k;
          while (isDigit(source[j] ?? '')) j++;
        }
      }
      if (isIdentStart(source[j] ?? '')) fail(`unexpected character after number`, row, j - lineStart + 1);
      i = j;
      push('number', source.slice(start, j));
      continue;
    }
    if (c === '"') {
      const [value, next] = readString(source, i + 1, fail);
      i = next;
      push('string', value);
      continue;
    }
    if (c === '`') {
      const close = source.indexOf('`', i + 1);
      if (close < 0) fail('non-terminated raw string');
      const text = source.slice(i + 1, close);
      for (const ch of text) if (ch === '\n') row++;
      const lastNl = text.lastIndexOf('\n');
      if (lastNl >= 0) lineStart = i + 1 + lastNl + 1;
      i = close + 1;
      push('string', text, { raw: true });
      continue;
    }
    if (c === '$' && (source[i + 1] === '"' || source[i + 1] === '`')) {
      const [parts, next] = readTemplate(source, i + 1, row, lineStart, baseOffset, fail);
      i = next;
      push('template', '', { parts });
      continue;
    }
    const two = source.slice(i, i + 2);
    const op = TWO_CHAR_OPS.has(two) ? two : ONE_CHAR_OPS.has(c) ? c : undefined;
    if (!op) fail(`illegal token '${c}'`);
    i += op!.length;
    push('op', op!);
  }
  tokens.push({ kind: 'eof', text: '', row, col: i - lineStart + 1, offset: baseOffset + i, end: baseOffset + i, nlBefore: true, wsBefore: true });
  return { tokens, comments };
}

function readString(source: string, i: number, fail: (m: string) => never): [string, number] {
  let out = '';
  for (;;) {
    if (i >= source.length || source[i] === '\n') fail('non-terminated string');
    const c = source[i]!;
    if (c === '"') return [out, i + 1];
    if (c === '\\') {
      const [decoded, next] = readEscape(source, i, fail);
      out += decoded;
      i = next;
      continue;
    }
    out += c;
    i++;
  }
}

function readEscape(source: string, i: number, fail: (m: string) => never): [string, number] {
  const e = source[i + 1];
  switch (e) {
    case '"':
    case '\\':
    case '/':
      return [e, i + 2];
    case 'b':
      return ['\b', i + 2];
    case 'f':
      return ['\f', i + 2];
    case 'n':
      return ['\n', i + 2];
    case 'r':
      return ['\r', i + 2];
    case 't':
      return ['\t', i + 2];
    case 'u': {
      const hex = source.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid unicode escape in string');
      let code = parseInt(hex, 16);
      let next = i + 6;
      if (code >= 0xd800 && code < 0xdc00 && source[next] === '\\' && source[next + 1] === 'u') {
        const low = parseInt(source.slice(next + 2, next + 6), 16);
        if (low >= 0xdc00 && low < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          next += 6;
        }
      }
      return [String.fromCodePoint(code), next];
    }
    default:
      return fail(`illegal escape sequence in string: \\${e ?? ''}`);
  }
}

function readTemplate(
  source: string,
  i: number,
  row: number,
  lineStart: number,
  baseOffset: number,
  fail: (m: string) => never,
): [TemplatePart[], number] {
  const quote = source[i]!;
  const raw = quote === '`';
  i++;
  const parts: TemplatePart[] = [];
  let text = '';
  for (;;) {
    if (i >= source.length || (!raw && source[i] === '\n')) fail('non-terminated template string');
    const c = source[i]!;
    if (c === quote) {
      if (text) parts.push({ text });
      return [parts, i + 1];
    }
    if (c === '\\' && source[i + 1] === '{') {
      text += '{';
      i += 2;
      continue;
    }
    if (!raw && c === '\\') {
      const [decoded, next] = readEscape(source, i, fail);
      text += decoded;
      i = next;
      continue;
    }
    if (c === '{') {
      if (text) parts.push({ text });
      text = '';
      // find the matching close brace, skipping strings
      let depth = 1;
      let j = i + 1;
      while (j < source.length && depth > 0) {
        const d = source[j]!;
        if (d === '"') {
          j++;
          while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
        } else if (d === '`') {
          j = source.indexOf('`', j + 1);
          if (j < 0) fail('non-terminated template string');
        } else if (d === '{') depth++;
        else if (d === '}') depth--;
        if (depth === 0) break;
        j++;
      }
      if (depth !== 0) fail('non-terminated template expression');
      parts.push({ expr: source.slice(i + 1, j), row, col: i + 1 - lineStart + 1, offset: baseOffset + i + 1 });
      i = j + 1;
      continue;
    }
    if (c === '\n') row++;
    text += c;
    i++;
  }
}
