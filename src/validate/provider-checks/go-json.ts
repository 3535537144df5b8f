/**
 * The syntax error Go's encoding/json reports for a document (json.Unmarshal's checkValid scanner), in Go's words:
 * `invalid character 'x' looking for beginning of value` with the byte offset Go records (the count of bytes
 * read, including the offending one), or `unexpected end of JSON input`. Undefined for valid JSON.
 */
export function goJsonSyntaxError(text: string): { message: string; offset?: number } | undefined {
  const bytes = Buffer.from(text, 'utf8');
  let i = 0;
  const quoteChar = (c: number): string => {
    if (c === 0x27) return `'\\''`;
    if (c === 0x22) return `'"'`;
    const ch = c < 0x80 ? String.fromCharCode(c) : decodeRuneAt(bytes, i);
    const json = JSON.stringify(ch).slice(1, -1);
    return `'${json}'`;
  };
  class JsonError extends Error {
    constructor(
      message: string,
      readonly offset?: number,
    ) {
      super(message);
    }
  }
  const fail = (context: string): never => {
    if (i >= bytes.length) throw new JsonError('unexpected end of JSON input', bytes.length);
    throw new JsonError(`invalid character ${quoteChar(bytes[i] as number)} ${context}`, i + 1);
  };
  const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const skip = () => {
    while (isSpace(bytes[i])) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (bytes[i] !== word.charCodeAt(k)) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = bytes[i];
      if (c === undefined) fail('in string literal');
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        i++;
        const e = bytes[i];
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            const h = bytes[i];
            if (h === undefined || !/[0-9a-fA-F]/.test(String.fromCharCode(h))) fail('in \\u hexadecimal character escape');
          }
          i++;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(String.fromCharCode(e))) fail('in string escape code');
        i++;
        continue;
      }
      if ((c as number) < 0x20) fail('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (bytes[i] !== undefined && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39) i++;
  };
  const number = () => {
    if (bytes[i] === 0x2d) {
      i++;
      const c = bytes[i];
      if (c === undefined || c < 0x30 || c > 0x39) fail('in numeric literal');
    }
    if (bytes[i] === 0x30) i++;
    else digits();
    if (bytes[i] === 0x2e) {
      i++;
      const c = bytes[i];
      if (c === undefined || c < 0x30 || c > 0x39) fail('after decimal point in numeric literal');
      digits();
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
      const c = bytes[i];
      if (c === undefined || c < 0x30 || c > 0x39) fail('in exponent of numeric literal');
      digits();
    }
  };
  const value = (depth: number) => {
    if (depth > 10000) throw new JsonError('exceeded max depth');
    skip();
    const c = bytes[i];
    if (c === 0x7b) {
      i++;
      skip();
      if (bytes[i] === 0x7d) {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (bytes[i] !== 0x22) fail('looking for beginning of object key string');
        string();
        skip();
        if (bytes[i] !== 0x3a) fail('after object key');
        i++;
        value(depth + 1);
        skip();
        if (bytes[i] === 0x2c) {
          i++;
          continue;
        }
        if (bytes[i] === 0x7d) {
          i++;
          return;
        }
        fail('after object key:value pair');
      }
    }
    if (c === 0x5b) {
      i++;
      skip();
      if (bytes[i] === 0x5d) {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skip();
        if (bytes[i] === 0x2c) {
          i++;
          continue;
        }
        if (bytes[i] === 0x5d) {
          i++;
          return;
        }
        fail('after array element');
      }
    }
    if (c === 0x22) return string();
    if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) return number();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    fail('looking for beginning of value');
  };
  try {
    value(0);
    skip();
    if (i < bytes.length) fail('after top-level value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonError) return error.offset === undefined ? { message: error.message } : { message: error.message, offset: error.offset };
    throw error;
  }
}

function decodeRuneAt(bytes: Buffer, at: number): string {
  const first = bytes[at] as number;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.subarray(at, at + length).toString('utf8');
}
