/**
 * Go `time` semantics needed by OPA's time.* builtins: civil dates from Unix nanoseconds (bigint, int64 range),
 * IANA time zones via Intl, Go layout strings (parse and format) and Go duration strings.
 */
import { BuiltinError } from './define-builtin.ts';

export const NS_PER_SECOND = 1_000_000_000n;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

export interface Civil {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  /** Offset from UTC in seconds and zone abbreviation. */
  offset: number;
  zone: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

const zoneCache = new Map<string, Intl.DateTimeFormat>();

/** Offset (seconds east of UTC) and abbreviation of a zone at an instant. */
export function zoneOffset(zone: string, epochSeconds: number): { offset: number; name: string } {
  if (zone === '' || zone === 'UTC') return { offset: 0, name: 'UTC' };
  let format = zoneCache.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone === 'Local' ? undefined : zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'short',
      });
    } catch {
      throw new BuiltinError(`unknown time zone ${zone}`);
    }
    zoneCache.set(zone, format);
  }
  const clamped = Math.max(-8.64e12, Math.min(8.64e12, epochSeconds));
  const parts = Object.fromEntries(format.formatToParts(new Date(clamped * 1000)).map((p) => [p.type, p.value]));
  const local = daysFromCivil(Number(parts.year), Number(parts.month), Number(parts.day)) * 86400 + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  const offset = local - Math.floor(clamped);
  const name = parts.timeZoneName && !/^GMT[+-]/.test(parts.timeZoneName) ? parts.timeZoneName : formatOffsetName(offset);
  return { offset, name: name === 'GMT' ? 'UTC' : name };
}

function formatOffsetName(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  return `${sign}${String(h).padStart(2, '0')}${m ? String(m).padStart(2, '0') : ''}`;
}

/** Civil time of `ns` (Unix nanoseconds) in `zone`. */
export function toCivil(ns: bigint, zone = ''): Civil {
  let seconds = ns / NS_PER_SECOND;
  let nanosecond = Number(ns % NS_PER_SECOND);
  if (nanosecond < 0) {
    nanosecond += 1e9;
    seconds -= 1n;
  }
  const { offset, name } = zoneOffset(zone, Number(seconds));
  const local = Number(seconds) + offset;
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, hour: Math.floor(secs / 3600), minute: Math.floor((secs % 3600) / 60), second: secs % 60, nanosecond, offset, zone: name };
}

export function weekday(c: Civil): number {
  return (((daysFromCivil(c.year, c.month, c.day) + 4) % 7) + 7) % 7;
}

/** Unix nanoseconds of a civil time given as UTC fields minus an offset; throws when outside int64. */
export function fromCivil(year: number, month: number, day: number, hour: number, minute: number, second: number, nanosecond: number, offset: number): bigint {
  // Normalise month overflow the way Go's time.Date does.
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const days = daysFromCivil(y, m, 1) + (day - 1);
  const seconds = BigInt(days) * 86400n + BigInt(hour * 3600 + minute * 60 + second - offset);
  const ns = seconds * NS_PER_SECOND + BigInt(nanosecond);
  if (ns < INT64_MIN || ns > INT64_MAX) throw new BuiltinError('time outside of valid range');
  return ns;
}

/** Go layout tokens, longest first at each position. */
const TOKENS = [
  'January', 'Monday', '-07:00:00', 'Z07:00:00', '-070000', 'Z070000', '-07:00', 'Z07:00', '-0700', 'Z0700', '2006', '002', '__2',
  'Jan', 'Mon', 'MST', '-07', 'Z07', '01', '02', '_2', '03', '04', '05', '06', '15', 'PM', 'pm', '1', '2', '3', '4', '5',
];

type Chunk = { literal: string } | { token: string } | { fraction: string };

export function parseLayout(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let literal = '';
  for (let i = 0; i < layout.length; ) {
    const rest = layout.slice(i);
    const frac = /^[.,](0+|9+)(?![0-9])/.exec(rest);
    if (frac && (i === 0 || !/\d/.test(layout[i - 1] ?? '') || true)) {
      const prevIsSecond = /05$|5$/.test(layout.slice(0, i));
      if (prevIsSecond) {
        if (literal) out.push({ literal });
        literal = '';
        out.push({ fraction: frac[0] });
        i += frac[0].length;
        continue;
      }
    }
    const token = TOKENS.find((t) => rest.startsWith(t));
    if (token && !(token === 'Jan' && rest.startsWith('January')) && !(token === 'Mon' && rest.startsWith('Monday'))) {
      if (literal) out.push({ literal });
      literal = '';
      out.push({ token });
      i += token.length;
    } else {
      literal += layout[i];
      i++;
    }
  }
  if (literal) out.push({ literal });
  return out;
}

const pad = (n: number, w: number): string => String(Math.abs(n)).padStart(w, '0');

function offsetText(offset: number, token: string): string {
  if (token.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  const body = token.replace(/^[-Z]/, '');
  switch (body) {
    case '07':
      return `${sign}${h}`;
    case '0700':
      return `${sign}${h}${m}`;
    case '07:00':
      return `${sign}${h}:${m}`;
    case '070000':
      return `${sign}${h}${m}${s}`;
    default:
      return `${sign}${h}:${m}:${s}`;
  }
}

export function formatTime(c: Civil, layout: string): string {
  let out = '';
  for (const chunk of parseLayout(layout)) {
    if ('literal' in chunk) {
      out += chunk.literal;
      continue;
    }
    if ('fraction' in chunk) {
      const digits = chunk.fraction.length - 1;
      let f = String(c.nanosecond).padStart(9, '0').slice(0, digits);
      if (chunk.fraction[1] === '9') {
        f = f.replace(/0+$/, '');
        if (f) out += chunk.fraction[0] + f;
      } else out += chunk.fraction[0] + f;
      continue;
    }
    const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (chunk.token) {
      case '2006':
        out += c.year < 0 ? `-${pad(c.year, 4)}` : pad(c.year, 4);
        break;
      case '06':
        out += pad(c.year % 100, 2);
        break;
      case 'January':
        out += MONTHS[c.month - 1];
        break;
      case 'Jan':
        out += MONTHS[c.month - 1]!.slice(0, 3);
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case '1':
        out += String(c.month);
        break;
      case 'Monday':
        out += WEEKDAYS[weekday(c)];
        break;
      case 'Mon':
        out += WEEKDAYS[weekday(c)]!.slice(0, 3);
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '_2':
        out += String(c.day).padStart(2, ' ');
        break;
      case '2':
        out += String(c.day);
        break;
      case '002':
      case '__2': {
        const yday = daysFromCivil(c.year, c.month, c.day) - daysFromCivil(c.year, 1, 1) + 1;
        out += chunk.token === '002' ? pad(yday, 3) : String(yday).padStart(3, ' ');
        break;
      }
      case '15':
        out += pad(c.hour, 2);
        break;
      case '03':
        out += pad(hour12, 2);
        break;
      case '3':
        out += String(hour12);
        break;
      case '04':
        out += pad(c.minute, 2);
        break;
      case '4':
        out += String(c.minute);
        break;
      case '05':
        out += pad(c.second, 2);
        break;
      case '5':
        out += String(c.second);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST':
        out += c.zone;
        break;
      default:
        out += offsetText(c.offset, chunk.token);
    }
  }
  return out;
}

function parseError(layout: string, value: string, element: string, rest: string): BuiltinError {
  return new BuiltinError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(element)}`);
}

/** Go's time.Parse (UTC default; numeric offsets and Z; zone abbreviations other than UTC are taken as UTC). */
export function parseTime(layout: string, value: string): bigint {
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanosecond = 0;
  let offset = 0;
  let pm: boolean | undefined;
  let yday = -1;
  let rest = value;
  const num = (min: number, max: number, element: string, fixed = false): number => {
    const m = (fixed ? new RegExp(`^\\d{${max}}`) : new RegExp(`^\\d{${min},${max}}`)).exec(rest);
    if (!m) throw parseError(layout, value, element, rest);
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  for (const chunk of parseLayout(layout)) {
    if ('literal' in chunk) {
      if (!rest.startsWith(chunk.literal)) throw parseError(layout, value, chunk.literal, rest);
      rest = rest.slice(chunk.literal.length);
      continue;
    }
    if ('fraction' in chunk) {
      const m = /^[.,](\d+)/.exec(rest);
      if (m) {
        nanosecond = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
        rest = rest.slice(m[0].length);
      } else if (chunk.fraction[1] === '0') throw parseError(layout, value, chunk.fraction, rest);
      continue;
    }
    const t = chunk.token;
    switch (t) {
      case '2006': {
        const m = /^[+-]?\d{4}/.exec(rest);
        if (!m) throw parseError(layout, value, t, rest);
        year = Number(m[0]);
        rest = rest.slice(m[0].length);
        break;
      }
      case '06': {
        const y = num(2, 2, t, true);
        year = y >= 69 ? 1900 + y : 2000 + y;
        break;
      }
      case 'January':
      case 'Jan': {
        const names = t === 'Jan' ? MONTHS.map((n) => n.slice(0, 3)) : MONTHS;
        const i = names.findIndex((n) => rest.toLowerCase().startsWith(n.toLowerCase()));
        if (i === -1) throw parseError(layout, value, t, rest);
        month = i + 1;
        rest = rest.slice(names[i]!.length);
        break;
      }
      case '01':
        month = num(2, 2, t, true);
        break;
      case '1':
        month = num(1, 2, t);
        break;
      case 'Monday':
      case 'Mon': {
        const names = t === 'Mon' ? WEEKDAYS.map((n) => n.slice(0, 3)) : WEEKDAYS;
        const i = names.findIndex((n) => rest.toLowerCase().startsWith(n.toLowerCase()));
        if (i === -1) throw parseError(layout, value, t, rest);
        rest = rest.slice(names[i]!.length);
        break;
      }
      case '02':
        day = num(2, 2, t, true);
        break;
      case '_2':
        if (rest.startsWith(' ')) rest = rest.slice(1);
        day = num(1, 2, t);
        break;
      case '2':
        day = num(1, 2, t);
        break;
      case '002':
        yday = num(3, 3, t, true);
        break;
      case '__2':
        rest = rest.replace(/^ {1,2}/, '');
        yday = num(1, 3, t);
        break;
      case '15':
        hour = num(1, 2, t);
        break;
      case '03':
        hour = num(2, 2, t, true);
        break;
      case '3':
        hour = num(1, 2, t);
        break;
      case '04':
        minute = num(2, 2, t, true);
        break;
      case '4':
        minute = num(1, 2, t);
        break;
      case '05':
      case '5': {
        second = t === '05' ? num(2, 2, t, true) : num(1, 2, t);
        const m = /^[.,](\d+)/.exec(rest);
        if (m) {
          nanosecond = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
          rest = rest.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const m = /^(AM|PM)/i.exec(rest);
        if (!m) throw parseError(layout, value, t, rest);
        pm = m[0].toUpperCase() === 'PM';
        rest = rest.slice(2);
        break;
      }
      case 'MST': {
        const m = /^([A-Z]{3,5}|[+-]\d{2,4})/.exec(rest);
        if (!m) throw parseError(layout, value, t, rest);
        rest = rest.slice(m[0].length);
        break;
      }
      default: {
        if (t.startsWith('Z') && rest.startsWith('Z')) {
          rest = rest.slice(1);
          offset = 0;
          break;
        }
        const m = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(rest);
        if (!m) throw parseError(layout, value, t, rest);
        offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
        rest = rest.slice(m[0].length);
      }
    }
  }
  if (rest !== '') throw new BuiltinError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: extra text: ${JSON.stringify(rest)}`);
  if (pm !== undefined) {
    if (hour > 12) throw new BuiltinError(`parsing time ${JSON.stringify(value)}: hour out of range`);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (yday >= 0) {
    const [, m, d] = civilFromDays(daysFromCivil(year, 1, 1) + yday - 1);
    month = m;
    day = d;
  }
  const daysIn = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12) throw new BuiltinError(`parsing time ${JSON.stringify(value)}: month out of range`);
  if (day < 1 || day > daysIn[month - 1]!) throw new BuiltinError(`parsing time ${JSON.stringify(value)}: day out of range`);
  if (hour > 23 || minute > 59 || second > 59) throw new BuiltinError(`parsing time ${JSON.stringify(value)}: time out of range`);
  return fromCivil(year, month, day, hour, minute, second, nanosecond, offset);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in nanoseconds. */
export function parseDuration(text: string): bigint {
  const bad = (): BuiltinError => new BuiltinError(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw bad();
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
      if (/^[\d.]+$/.test(s)) throw new BuiltinError(`time: missing unit in duration ${JSON.stringify(text)}`);
      throw bad();
    }
    const unit = DURATION_UNITS[m[3]!]!;
    total += Number(m[1] || '0') * unit + (m[2] ? Number(`0.${m[2]}`) * unit : 0);
    s = s.slice(m[0].length);
  }
  if (total > 9223372036854775807) throw bad();
  const ns = BigInt(Math.round(total));
  return negative ? -ns : ns;
}
