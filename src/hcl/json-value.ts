/**
 * A JSON parser that keeps the source span of every value and key (JSON.parse keeps none), for
 * Terraform's JSON syntax (`*.tf.json`, `*.tfvars.json`). It reports problems with the summaries,
 * details and ranges HCL's JSON parser gives (checked against `terraform validate -json`), recovers the
 * way HCL does (a broken value becomes `invalid`, a broken object or array is dropped), and bounds nesting.
 */

export type JsonNode =
  | { type: 'object'; entries: JsonEntry[]; start: number; end: number }
  | { type: 'array'; items: JsonNode[]; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'number'; value: number; text: string; start: number; end: number }
  | { type: 'boolean'; value: boolean; start: number; end: number }
  | { type: 'null'; start: number; end: number }
  /** A value that could not be read (its problem is among the diagnostics). */
  | { type: 'invalid'; start: number; end: number };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonProblem {
  summary: string;
  detail: string;
  start: number;
  end: number;
  code?: string;
}

export interface JsonParseResult {
  /** The root value; `invalid` when the document could not be read at all. */
  value: JsonNode;
  problems: JsonProblem[];
}

export const MAX_JSON_DEPTH = 256;

type TokenType = '{' | '}' | '[' | ']' | ':' | ',' | '=' | 'string' | 'number' | 'keyword' | 'invalid' | 'eof';
interface Token {
  type: TokenType;
  start: number;
  end: number;
}

const PUNCTUATION: Record<string, TokenType> = { '{': '{', '}': '}', '[': '[', ']': ']', ':': ':', ',': ',', '=': '=' };

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const punctuation = PUNCTUATION[c];
    if (punctuation) {
      tokens.push({ type: punctuation, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, text.length);
      tokens.push({ type: 'string', start: i, end: j });
      i = j;
      continue;
    }
    if (/[0-9-]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j] as string)) j++;
      tokens.push({ type: 'number', start: i, end: j });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j] as string)) j++;
      tokens.push({ type: 'keyword', start: i, end: j });
      i = j;
      continue;
    }
    const width = c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff ? 2 : 1;
    tokens.push({ type: 'invalid', start: i, end: i + width });
    i += width;
  }
  // HCL's end-of-file token is one character wide, just past the end.
  tokens.push({ type: 'eof', start: text.length, end: text.length + 1 });
  return tokens;
}

/** Levenshtein distance, for "Did you mean" on keywords. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let k = 1; k <= b.length; k++) {
      const current = row[k] ?? 0;
      row[k] = Math.min((row[k] ?? 0) + 1, (row[k - 1] ?? 0) + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** A JSON string token's value, or the offset (from the token start) where it is broken. */
function decodeString(raw: string): { value: string } | { errorOffset: number } {
  if (raw.length < 2 || !raw.endsWith('"') || (raw.endsWith('\\"') && !raw.endsWith('\\\\"'))) {
    return { errorOffset: raw.length };
  }
  let value = '';
  const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i] as string;
    if (c.charCodeAt(0) < 0x20) return { errorOffset: i + 1 };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = raw[i + 1] ?? '';
    const replacement = simple[e];
    if (replacement !== undefined) {
      value += replacement;
      i++;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else return { errorOffset: i + 2 };
  }
  return { value };
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  const tokens = scan(text);
  const problems: JsonProblem[] = [];
  let position = 0;
  const peek = (): Token => tokens[position] ?? (tokens[tokens.length - 1] as Token);
  const read = (): Token => {
    const token = peek();
    if (position < tokens.length - 1) position++;
    return token;
  };
  let aborted = false;
  const problem = (summary: string, detail: string, token: { start: number; end: number }, code?: string): void => {
    if (aborted) return;
    problems.push({ summary, detail, start: token.start, end: token.end, ...(code ? { code } : {}) });
  };
  /** Skips to the token closing the current object/array (HCL's recovery), leaving it unread. */
  const recover = (from: Token, open: TokenType, close: TokenType): void => {
    let depth = 1;
    let token = from;
    for (;;) {
      if (token.type === open) depth++;
      else if (token.type === close) {
        depth--;
        if (depth <= 1) return;
      } else if (token.type === 'eof') return;
      token = read();
    }
  };

  /** Reads one value; a broken one becomes `invalid` (spanning its first token), as HCL's wrapInvalid does. */
  const value = (depth: number): JsonNode => {
    const token = peek();
    const node = rawValue(depth);
    return node ?? { type: 'invalid', start: token.start, end: token.end };
  };

  const rawValue = (depth: number): JsonNode | undefined => {
    const token = peek();
    if (depth > MAX_JSON_DEPTH) {
      problem('Nesting too deep', `JSON values are nested more than ${MAX_JSON_DEPTH} levels deep here, which iacpac does not analyse.`, token, 'nesting-too-deep');
      aborted = true;
      position = tokens.length - 1;
      return undefined;
    }
    switch (token.type) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case 'number': {
        read();
        const raw = text.slice(token.start, token.end);
        if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(raw)) {
          problem('Invalid JSON number', 'There is a syntax error in the given JSON number.', token);
          return undefined;
        }
        return { type: 'number', value: Number(raw), text: raw, start: token.start, end: token.end };
      }
      case 'string': {
        read();
        const decoded = decodeString(text.slice(token.start, token.end));
        if ('errorOffset' in decoded) {
          const at = token.start + decoded.errorOffset;
          problem('Invalid JSON string', 'There is a syntax error in the given JSON string.', { start: at, end: at + 1 });
          return undefined;
        }
        return { type: 'string', value: decoded.value, start: token.start, end: token.end };
      }
      case 'keyword': {
        read();
        const word = text.slice(token.start, token.end);
        if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true', start: token.start, end: token.end };
        if (word === 'null') return { type: 'null', start: token.start, end: token.end };
        if (word === 'undefined' || word === 'NaN' || word === 'Infinity') {
          problem('Invalid JSON keyword', `The JavaScript identifier ${JSON.stringify(word)} cannot be used in JSON.`, token);
          return undefined;
        }
        const suggestion = ['true', 'false', 'null'].find((k) => distance(word, k) < 3);
        problem('Invalid JSON keyword', `${JSON.stringify(word)} is not a valid JSON keyword.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''}`, token);
        return undefined;
      }
      case '}':
        problem('Missing JSON value', 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.', token);
        return undefined;
      case ']':
        problem('Missing array element value', 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.', token);
        return undefined;
      case 'eof':
        problem('Missing value', 'The JSON data ends prematurely.', token);
        return undefined;
      default:
        problem('Invalid start of value', 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.', token);
        return undefined;
    }
  };

  const object = (depth: number): JsonNode | undefined => {
    const open = read();
    const entries: JsonEntry[] = [];
    for (;;) {
      if (peek().type === '}') break;
      const keyToken = peek();
      const key = value(depth + 1);
      if (key.type !== 'string') {
        problem('Invalid object property name', 'A JSON object property name must be a string', { start: key.start, end: key.type === 'object' || key.type === 'array' ? key.start + 1 : key.end });
        return undefined;
      }
      const colon = read();
      if (colon.type !== ':') {
        recover(colon, '{', '}');
        if (colon.type === '}' || colon.type === ',') {
          problem('Missing object value', 'A JSON object attribute must have a value, introduced by a colon.', colon);
        } else if (colon.type === '=') {
          problem('Missing property value colon', 'JSON uses a colon as its name/value delimiter, not an equals sign.', colon);
        } else {
          problem('Missing property value colon', "A colon must appear between an object property's name and its value.", colon);
        }
        return undefined;
      }
      const entryValue = value(depth + 1);
      entries.push({ key: key.value, keyStart: keyToken.start, keyEnd: keyToken.end, value: entryValue });
      const next = peek();
      if (next.type === ',') {
        const comma = read();
        if (peek().type === '}') {
          problem('Trailing comma in object', 'JSON does not permit a trailing comma after the final property in an object.', comma);
          return undefined;
        }
        continue;
      }
      if (next.type === 'eof') {
        problem('Unclosed object', 'No closing brace was found for this JSON object.', open);
        return undefined;
      }
      if (next.type === ']') {
        read();
        problem('Mismatched braces', 'A JSON object must be closed with a brace, not a bracket.', peek());
        return undefined;
      }
      if (next.type === '}') break;
      recover(read(), '{', '}');
      problem('Missing attribute seperator comma', 'A comma must appear between each property definition in an object.', peek());
      return undefined;
    }
    const close = read();
    return { type: 'object', entries, start: open.start, end: close.end };
  };

  const array = (depth: number): JsonNode | undefined => {
    const open = read();
    const items: JsonNode[] = [];
    for (;;) {
      if (peek().type === ']') break;
      items.push(value(depth + 1));
      const next = peek();
      if (next.type === ',') {
        const comma = read();
        if (peek().type === ']') {
          problem('Trailing comma in array', 'JSON does not permit a trailing comma after the final value in an array.', comma);
          return undefined;
        }
        continue;
      }
      if (next.type === ':') {
        recover(read(), '[', ']');
        problem('Invalid array value', 'A colon is not used to introduce values in a JSON array.', peek());
        return undefined;
      }
      if (next.type === 'eof') {
        problem('Unclosed object', 'No closing bracket was found for this JSON array.', open);
        return undefined;
      }
      if (next.type === '}') {
        recover(read(), '[', ']');
        problem('Mismatched brackets', 'A JSON array must be closed with a bracket, not a brace.', peek());
        return undefined;
      }
      if (next.type === ']') break;
      recover(read(), '[', ']');
      problem('Missing attribute seperator comma', 'A comma must appear between each value in an array.', peek());
      return undefined;
    }
    const close = read();
    return { type: 'array', items, start: open.start, end: close.end };
  };

  const root = value(0);
  if (problems.length === 0 && peek().type !== 'eof') {
    problem('Extraneous data after value', 'Extra characters appear after the JSON value.', peek());
  }
  return { value: root, problems };
}
