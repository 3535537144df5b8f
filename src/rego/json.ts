/** JSON text -> Rego value without losing integer precision (integers beyond 2^53 become bigint). */
import { fromJS, normalizeNumber, RegoObject, type RegoValue } from './value.ts';

const BIG_INT = /(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/;

export function parseJSON(text: string): RegoValue {
  if (!BIG_INT.test(text)) return fromJS(JSON.parse(text));
  return new LosslessParser(text).parseDocument();
}

class LosslessParser {
  private i = 0;
  constructor(private readonly s: string) {}
  parseDocument(): RegoValue {
    const v = this.value(0);
    this.ws();
    if (this.i < this.s.length) this.fail('unexpected trailing characters');
    return v;
  }
  private fail(message: string): never {
    throw new SyntaxError(`JSON: ${message} at offset ${this.i}`);
  }
  private ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i]!)) this.i++;
  }
  private value(depth: number): RegoValue {
    if (depth > 10_000) this.fail('nesting too deep');
    this.ws();
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      const obj = new RegoObject();
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return obj;
      }
      for (;;) {
        this.ws();
        if (this.s[this.i] !== '"') this.fail('expected string key');
        const k = this.string();
        this.ws();
        if (this.s[this.i++] !== ':') this.fail('expected :');
        obj.set(k, this.value(depth + 1));
        this.ws();
        const d = this.s[this.i++];
        if (d === '}') return obj;
        if (d !== ',') this.fail('expected , or }');
      }
    }
    if (c === '[') {
      this.i++;
      const arr: RegoValue[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return arr;
      }
      for (;;) {
        arr.push(this.value(depth + 1));
        this.ws();
        const d = this.s[this.i++];
        if (d === ']') return arr;
        if (d !== ',') this.fail('expected , or ]');
      }
    }
    if (c === '"') return this.string();
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (m) {
      this.i += m[0].length;
      return m[1] || m[2] ? Number(m[0]) : normalizeNumber(BigInt(m[0]));
    }
    for (const [lit, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(lit, this.i)) {
        this.i += lit.length;
        return v;
      }
    }
    return this.fail('unexpected character');
  }
  private string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      } else this.i++;
    }
    return this.fail('unterminated string');
  }
}
