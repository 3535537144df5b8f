import { convert } from '../eval/convert.ts';
import { T_BOOL, T_NUMBER, T_STRING } from '../eval/types.ts';
import { toExponentialGo, toFixedGo } from '../eval/numbers.ts';
import { formatNumber, type TfValue } from '../eval/value.ts';
import { FunctionArgError, FunctionError } from './define-function.ts';
import { checkLength, graphemes } from './helpers.ts';
import { jsonEncode } from './json-encode.ts';

interface Verb {
  flags: string;
  width?: number;
  precision?: number;
  argIndex?: number;
  verb: string;
}

const SPEC = /%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y;

/**
 * cty's `format`: printf-style verbs %v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q and %%, with flags
 * (+ - # 0 space), width, precision and explicit argument indexes `%[2]s`. Error texts follow cty.
 */
export function formatString(fmt: string, args: readonly TfValue[]): string {
  let out = '';
  let next = 0;
  let maxUsed = 0;
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    SPEC.lastIndex = pct;
    const m = SPEC.exec(fmt);
    if (!m) throw new FunctionError(`invalid format verb at offset ${pct}`);
    const [whole, flags = '', idxA, width, precision, idxB, verb = ''] = m;
    i = pct + whole.length;
    if (verb === '%' && !flags && !width && precision === undefined && !idxA && !idxB) {
      out += '%';
      continue;
    }
    if (verb === '') throw new FunctionError(`unterminated format verb at offset ${pct}`);
    const spec: Verb = { flags, verb };
    if (width) spec.width = Number(width);
    if (precision !== undefined) spec.precision = precision === '' ? 0 : Number(precision);
    const idx = idxA ?? idxB;
    if (idx !== undefined) next = Number(idx) - 1;
    if (next < 0 || next >= args.length)
      throw new FunctionError(`not enough arguments for "${whole}" at ${pct}: need index ${next + 1} but have ${args.length} total`);
    const arg = args[next]!;
    next++;
    maxUsed = Math.max(maxUsed, next);
    if ((spec.width ?? 0) > 1_000_000 || (spec.precision ?? 0) > 1_000_000) throw new FunctionError(`format width or precision at ${pct} is too large`);
    out += formatOne(spec, arg, whole, pct);
    checkLength(out.length);
  }
  if (maxUsed < args.length && !/%\[\d+\]/.test(fmt))
    throw new FunctionArgError(maxUsed + 1, `too many arguments; only ${maxUsed} used by format string`);
  return out;
}

function formatOne(spec: Verb, arg: TfValue, whole: string, offset: number): string {
  const unsupported = (why: string): never => {
    throw new FunctionError(`unsupported value for "${whole}" at ${offset}: ${why}`);
  };
  if (arg === null && spec.verb !== 'v') unsupported('null value cannot be formatted');
  const want = (t: typeof T_STRING): TfValue => {
    const c = convert(arg, t);
    if (!c.ok) return unsupported(c.error);
    return c.value;
  };
  let body: string;
  let numeric = false;
  switch (spec.verb) {
    case 'v':
      if (spec.flags.includes('#')) body = jsonEncode(arg);
      else if (arg === null) body = 'null';
      else if (typeof arg === 'object') body = jsonEncode(arg);
      else body = typeof arg === 'number' ? formatNumber(arg) : String(arg);
      break;
    case 't':
      // cty formats booleans itself: width and flags do not apply.
      return String(want(T_BOOL));
    case 's':
      body = want(T_STRING) as string;
      if (spec.precision !== undefined) body = graphemes(body).slice(0, spec.precision).join('');
      break;
    case 'q':
      body = JSON.stringify(want(T_STRING) as string);
      break;
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      const n = want(T_NUMBER) as number;
      if (!Number.isInteger(n)) unsupported('an integer is required');
      numeric = true;
      const radix = { d: 10, b: 2, o: 8, x: 16, X: 16 }[spec.verb]!;
      let digits = BigInt(Math.abs(n)).toString(radix);
      if (spec.verb === 'X') digits = digits.toUpperCase();
      if (spec.precision !== undefined && digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
      if (spec.flags.includes('#')) digits = ({ b: '0b', o: '0', x: '0x', X: '0X', d: '' }[spec.verb] ?? '') + digits;
      body = sign(n, spec.flags) + digits;
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const n = want(T_NUMBER) as number;
      numeric = true;
      body = sign(n, spec.flags) + floatDigits(Math.abs(n), spec.verb, spec.precision);
      break;
    }
    default:
      throw new FunctionError(`unsupported format verb '${spec.verb}' in "${whole}" at offset ${offset}`);
  }
  return pad(body, spec, numeric);
}

function sign(n: number, flags: string): string {
  if (n < 0 || Object.is(n, -0)) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function goExponent(s: string): string {
  // JS writes e+5 / e-7; Go writes at least two exponent digits: e+05 / e-07.
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function floatDigits(n: number, verb: string, precision: number | undefined): string {
  if (!Number.isFinite(n)) return 'Inf';
  const upper = verb === 'E' || verb === 'G';
  let s: string;
  switch (verb.toLowerCase()) {
    case 'e':
      s = toExponentialGo(n, precision ?? 6);
      break;
    case 'f':
      s = toFixedGo(n, precision ?? 6);
      break;
    default: {
      if (precision === undefined) {
        // Shortest representation; exponent form when exp < -4 || exp >= 21 (Go's %g with shortest digits).
        const exp = n === 0 ? 0 : Math.floor(Math.log10(n));
        s = exp < -4 || exp >= 21 ? goExponent(n.toExponential()) : formatNumber(n);
      } else {
        // Go's %.{p}g: exponent form when the exponent is < -4 or >= p, trailing zeros removed; rounding on the
        // exact binary value with ties to even.
        const p = precision === 0 ? 1 : precision;
        const e = toExponentialGo(n, p - 1);
        const exp = Number(e.split('e')[1]);
        s = exp < -4 || exp >= p ? e.replace(/\.?0+e/, 'e') : toFixedGo(n, Math.max(0, p - 1 - exp)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
      }
    }
  }
  return upper ? s.toUpperCase() : s;
}

function pad(body: string, spec: Verb, numeric: boolean): string {
  const width = spec.width ?? 0;
  const len = graphemes(body).length;
  if (len >= width) return body;
  const fill = width - len;
  if (spec.flags.includes('-')) return body + ' '.repeat(fill);
  if (spec.flags.includes('0')) {
    if (!numeric) return '0'.repeat(fill) + body;
    const m = /^[-+ ]/.exec(body);
    return m ? m[0] + '0'.repeat(fill) + body.slice(1) : '0'.repeat(fill) + body;
  }
  return ' '.repeat(fill) + body;
}
