import { T_STRING } from '../eval/types.ts';
import { type TfValue, unknownOf } from '../eval/value.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';

const str = (v: TfValue): string => v as string;

interface Instant {
  /** UTC milliseconds (fraction kept separately). */
  ms: number;
  nanos: number;
  /** Offset from UTC in minutes, and whether it was written as `Z`. */
  offset: number;
  zulu: boolean;
}

/**
 * Go's time.Parse with the RFC 3339 layout, element by element, with Terraform's error wording:
 * `cannot use "<rest of input>" as <element>` (for a value out of range, the rest after it).
 */
function parseTimestamp(s: string, argIndex: number): Instant {
  let rest = s;
  const bad = (value: string, elem: string): never => {
    throw new FunctionArgError(argIndex, `not a valid RFC3339 timestamp: cannot use ${JSON.stringify(value)} as ${elem}`);
  };
  const digits = (n: number, elem: string): number => {
    const m = new RegExp(`^\\d{${n}}`).exec(rest);
    if (!m) bad(rest, elem);
    rest = rest.slice(n);
    return Number(m![0]);
  };
  const literal = (text: string): void => {
    if (!rest.startsWith(text)) bad(rest, JSON.stringify(text));
    rest = rest.slice(text.length);
  };
  const year = digits(4, 'year');
  literal('-');
  const month = digits(2, 'month');
  if (month < 1 || month > 12) bad(rest, 'month');
  literal('-');
  const day = digits(2, 'day of month');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) bad(rest, 'day of month');
  if (rest.startsWith('t')) rest = `T${rest.slice(1)}`;
  literal('T');
  const hour = digits(2, 'hour');
  if (hour > 23) bad(rest, 'hour');
  literal(':');
  const minute = digits(2, 'minute');
  if (minute > 59) bad(rest, 'minute');
  literal(':');
  const second = digits(2, 'second');
  if (second > 59) bad(rest, 'second');
  let frac = '';
  const f = /^\.(\d{1,9})/.exec(rest);
  if (f) {
    frac = f[1]!;
    rest = rest.slice(f[0].length);
  }
  let offset = 0;
  let zulu = false;
  if (rest === 'Z' || rest === 'z') zulu = true;
  else {
    const z = /^([+-])(\d{2}):(\d{2})$/.exec(rest);
    if (!z) bad(rest, '"Z07:00"');
    offset = (z![1] === '-' ? -1 : 1) * (Number(z![2]) * 60 + Number(z![3]));
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  return { ms: local - offset * 60_000, nanos: Number(frac.padEnd(9, '0')), offset, zulu };
}

/** Local wall-clock fields of an instant in its own offset. */
function fields(t: Instant): { Y: number; M: number; D: number; h: number; m: number; s: number; wd: number } {
  const d = new Date(t.ms + t.offset * 60_000);
  return { Y: d.getUTCFullYear(), M: d.getUTCMonth() + 1, D: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), wd: d.getUTCDay() };
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(t: Instant, colon: boolean): string {
  const sign = t.offset < 0 ? '-' : '+';
  const a = Math.abs(t.offset);
  return `${sign}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
}

/** RFC 3339 without fractional seconds, in the instant's own offset (Go's time.RFC3339 layout). */
function rfc3339(t: Instant): string {
  const f = fields(t);
  const zone = t.offset === 0 ? 'Z' : offsetText(t, true);
  return `${String(f.Y).padStart(4, '0')}-${p2(f.M)}-${p2(f.D)}T${p2(f.h)}:${p2(f.m)}:${p2(f.s)}${zone}`;
}

function formatDate(spec: string, t: Instant): string {
  const f = fields(t);
  let out = '';
  let i = 0;
  while (i < spec.length) {
    const c = spec[i]!;
    if (c === "'") {
      const end = spec.indexOf("'", i + 1);
      if (end < 0) throw new FunctionArgError(0, 'unterminated literal \'');
      out += end === i + 1 ? "'" : spec.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (spec[j] === c) j++;
    const seq = spec.slice(i, j);
    i = j;
    const h12 = f.h % 12 === 0 ? 12 : f.h % 12;
    const map: Record<string, string> = {
      YYYY: String(f.Y).padStart(4, '0'), YY: p2(f.Y % 100),
      MMMM: MONTHS[f.M - 1]!, MMM: MONTHS[f.M - 1]!.slice(0, 3), MM: p2(f.M), M: String(f.M),
      DD: p2(f.D), D: String(f.D),
      EEEE: DAYS[f.wd]!, EEE: DAYS[f.wd]!.slice(0, 3),
      hh: p2(f.h), h: String(f.h), HH: p2(h12), H: String(h12),
      AA: f.h < 12 ? 'AM' : 'PM', aa: f.h < 12 ? 'am' : 'pm',
      mm: p2(f.m), m: String(f.m), ss: p2(f.s), s: String(f.s),
      ZZZZZ: offsetText(t, true), ZZZZ: offsetText(t, false), ZZZ: t.offset === 0 ? 'UTC' : offsetText(t, false),
      Z: t.offset === 0 ? 'Z' : offsetText(t, true),
    };
    const v = map[seq];
    if (v === undefined) throw new FunctionArgError(0, `invalid date format verb ${JSON.stringify(seq)}`);
    out += v;
  }
  return out;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds, with its error texts. */
function parseDuration(s: string): number {
  const quoted = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new FunctionError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const num = /^(\d+(?:\.\d*)?|\.\d+)/.exec(rest);
    if (!num) throw new FunctionError(`time: invalid duration ${quoted}`);
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new FunctionError(`time: missing unit in duration ${quoted}`);
    const factor = UNITS[unit];
    if (factor === undefined) throw new FunctionError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    total += Number(num[0]) * factor;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

export const dateTimeFunctions: TfFunction[] = [
  defineFunction({ name: 'timestamp', impl: () => unknownOf(T_STRING) }),
  defineFunction({ name: 'plantimestamp', impl: () => unknownOf(T_STRING) }),
  defineFunction({ name: 'formatdate', impl: ([spec, ts]) => formatDate(str(spec!), parseTimestamp(str(ts!), 1)) }),
  defineFunction({
    name: 'timeadd',
    impl: ([ts, dur]) => {
      const t = parseTimestamp(str(ts!), 0);
      const d = parseDuration(str(dur!));
      const exact = t.ms + t.nanos / 1e6 + d;
      const ms = Math.floor(exact / 1000) * 1000;
      return rfc3339({ ...t, ms, nanos: 0 });
    },
  }),
  defineFunction({
    name: 'timecmp',
    impl: ([a, b]) => {
      const x = parseTimestamp(str(a!), 0);
      const y = parseTimestamp(str(b!), 1);
      const dx = x.ms * 1e6 + x.nanos;
      const dy = y.ms * 1e6 + y.nanos;
      return x.ms !== y.ms ? Math.sign(x.ms - y.ms) : Math.sign(dx - dy);
    },
  }),
];
