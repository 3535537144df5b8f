/** OPA category `time`: now, parsing (Go layouts, RFC 3339, durations), formatting, calendar fields and arithmetic. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import {
  civilFromDays,
  daysFromCivil,
  formatTime,
  fromCivil,
  INT64_MAX,
  INT64_MIN,
  parseDuration,
  parseTime,
  toCivil,
  weekday,
  WEEKDAYS,
} from './go-time.ts';
import { intOperand, stringOperand, typeError } from './operands.ts';
import { isNumber, normalizeNumber, toBigInt, type RegoValue } from '../value.ts';

const builtin = defineCategory('time');

const RFC3339 = '2006-01-02T15:04:05Z07:00';
const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** The Go layout constants OPA accepts by name in time.parse_ns and time.format. */
const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339,
  RFC3339Nano: RFC3339_NANO,
};

const TIME_OPERAND = 'either number (ns) or [number (ns), string (tz)]';

function nanos(v: RegoValue | undefined): bigint {
  if (!isNumber(v)) throw typeError(1, v ?? null, 'number');
  const i = toBigInt(v);
  if (i === undefined || i < INT64_MIN || i > INT64_MAX) throw new BuiltinError('timestamp too big');
  return i;
}

/** number | [number] | [number, tz] | [number, tz, layout] (OPA's tzTime). */
function timeOperand(v: RegoValue | undefined): { ns: bigint; zone: string; layout?: string } {
  if (Array.isArray(v)) {
    const [n, z, l] = v as readonly RegoValue[];
    if (v.length === 0) throw typeError(1, v, TIME_OPERAND);
    const zone = z === undefined ? '' : stringOperand(z, 1);
    return { ns: nanos(n), zone, ...(l !== undefined ? { layout: stringOperand(l, 1) } : {}) };
  }
  if (!isNumber(v)) throw typeError(1, v ?? null, TIME_OPERAND);
  return { ns: nanos(v), zone: '' };
}

function result(ns: bigint): RegoValue {
  return normalizeNumber(ns);
}

export const timeBuiltins = [
  builtin('time.now_ns', (_args, context) => normalizeNumber(context.nowNs)),
  builtin('time.parse_ns', ([l, v]) => {
    const layout = stringOperand(l, 1);
    return result(parseTime(NAMED_LAYOUTS[layout] ?? layout, stringOperand(v, 2)));
  }),
  builtin('time.parse_rfc3339_ns', ([v]) => result(parseTime(RFC3339, stringOperand(v, 1)))),
  builtin('time.parse_duration_ns', ([v]) => result(parseDuration(stringOperand(v, 1)))),
  builtin('time.format', ([v]) => {
    const t = timeOperand(v);
    const layout = t.layout === undefined ? RFC3339_NANO : (NAMED_LAYOUTS[t.layout] ?? t.layout);
    return formatTime(toCivil(t.ns, t.zone), layout);
  }),
  builtin('time.date', ([v]) => {
    const t = timeOperand(v);
    const c = toCivil(t.ns, t.zone);
    return [c.year, c.month, c.day];
  }),
  builtin('time.clock', ([v]) => {
    const t = timeOperand(v);
    const c = toCivil(t.ns, t.zone);
    return [c.hour, c.minute, c.second];
  }),
  builtin('time.weekday', ([v]) => {
    const t = timeOperand(v);
    return WEEKDAYS[weekday(toCivil(t.ns, t.zone))]!;
  }),
  builtin(
    'time.add_date',
    ([v, y, m, d]) => {
      const t = timeOperand(v);
      const years = intOperand(y, 2);
      const months = intOperand(m, 3);
      const days = intOperand(d, 4);
      const c = toCivil(t.ns, t.zone);
      // Go's AddDate normalises the new civil date in the operand's zone; the offset is the one in force then.
      const at = (offset: number): bigint => fromCivil(c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, c.nanosecond, offset);
      let ns = at(c.offset);
      const offset = toCivil(ns, t.zone).offset;
      if (offset !== c.offset) ns = at(offset);
      return result(ns);
    },
    { checkOperands: false },
  ),
  builtin('time.diff', ([a, b]) => {
    const x = timeOperand(a);
    const y = timeOperand(b);
    let [first, second] = [x.ns, y.ns];
    if (first > second) [first, second] = [second, first];
    const c1 = toCivil(first, x.zone);
    const c2 = toCivil(second, x.zone);
    let year = c2.year - c1.year;
    let month = c2.month - c1.month;
    let day = c2.day - c1.day;
    let hour = c2.hour - c1.hour;
    let minute = c2.minute - c1.minute;
    let sec = c2.second - c1.second;
    if (sec < 0) {
      sec += 60;
      minute--;
    }
    if (minute < 0) {
      minute += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    if (day < 0) {
      const [, , dayOf32] = civilFromDays(daysFromCivil(c1.year, c1.month, 1) + 31);
      day += 32 - dayOf32;
      month--;
    }
    if (month < 0) {
      month += 12;
      year--;
    }
    return [year, month, day, hour, minute, sec];
  }),
];
