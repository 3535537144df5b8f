/**
 * A JSON parser that keeps the source span of every value and key (JSON.parse keeps none), for
 * Terraform's JSON syntax (`*.tf.json`, `*.tfvars.json`). Nesting is bounded; errors carry an index.
 */

export type JsonNode =
  | { type: 'object'; entries: JsonEntry[]; start: number; end: number }
  | { type: 'array'; items: JsonNode[]; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'number'; value: number; text: string; start: number; end: number }
  | { type: 'boolean'; value: boolean; start: number; end: number }
  | { type: 'null'; start: number; end: number };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  readonly index: number;
  readonly summary: string;
  constructor(summary: string, detail: string, index: number) {
    super(detail);
    this.summary = summary;
    this.index = index;
  }
}

export const MAX_JSON_DEPTH = 256;

export function parseJsonWithPositions(text: string): JsonNode {
  let i = 0;
  const skip = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (summary: string, detail: string): never => {
    throw new JsonSyntaxError(summary, detail, Math.min(i, text.length));
  };
  const parseString = (): { value: string; start: number; end: number } => {
    const start = i;
    i++; // opening quote
    let value = '';
    let chunkStart = i;
    for (;;) {
      if (i >= text.length) fail('Invalid JSON string', 'A string is not closed before the end of the file.');
      const c = text[i];
      if (c === '"') break;
      if (c === '\n') fail('Invalid JSON string', 'A string may not contain a raw newline; use \\n.');
      if (c === '\\') {
        value += text.slice(chunkStart, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          value += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('Invalid JSON string', `Invalid escape sequence "\\${e ?? ''}" in a string.`);
        chunkStart = i;
        continue;
      }
      i++;
    }
    value += text.slice(chunkStart, i);
    i++; // closing quote
    return { value, start, end: i };
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH) fail('Nesting too deep', `JSON values are nested more than ${MAX_JSON_DEPTH} levels deep here, which iacpac does not analyse.`);
    skip();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      skip();
      if (text[i] === '}') {
        i++;
        return { type: 'object', entries, start, end: i };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('Invalid JSON object', 'Expected a quoted property name.');
        const key = parseString();
        skip();
        if (text[i] !== ':') fail('Invalid JSON object', 'Expected a colon after the property name.');
        i++;
        const value = parseValue(depth + 1);
        entries.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { type: 'object', entries, start, end: i };
        }
        fail('Invalid JSON object', 'Expected a comma or a closing brace.');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return { type: 'array', items, start, end: i };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { type: 'array', items, start, end: i };
        }
        fail('Invalid JSON array', 'Expected a comma or a closing bracket.');
      }
    }
    if (c === '"') {
      const s = parseString();
      return { type: 'string', value: s.value, start: s.start, end: s.end };
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      i += number[0].length;
      return { type: 'number', value: Number(number[0]), text: number[0], start, end: i };
    }
    for (const [word, node] of [
      ['true', { type: 'boolean', value: true }],
      ['false', { type: 'boolean', value: false }],
      ['null', { type: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, start, end: i } as JsonNode;
      }
    }
    if (i >= text.length) return fail('Invalid JSON', 'Expected a value but found the end of the file.');
    return fail('Invalid JSON', `Unexpected character ${JSON.stringify(text[i])}.`);
  };

  const value = parseValue(0);
  skip();
  if (i < text.length) fail('Invalid JSON', 'Extra characters after the JSON value.');
  return value;
}
