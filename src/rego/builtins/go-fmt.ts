/**
 * A Go `fmt.Sprintf` for the argument kinds OPA's sprintf passes: Go `int`, `*big.Int`, `float64` and `string`
 * (every other Rego value arrives as its Rego text, a string). Supports flags `+-# 0`, width, precision, `*`,
 * explicit argument indexes `[n]`, and Go's error notations (`%!d(string=x)`, `%!v(MISSING)`, `%!(EXTRA ...)`).
 */
import { goQuote } from './value-text.ts';
import { doubleParts } from '../../core/exact-double.ts';

export type GoArg =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'bigint'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

const GO_TYPE: Record<GoArg['kind'], string> = { int: 'int', bigint: '*big.Int', float: 'float64', string: 'string' };

interface Spec {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

/** strconv.FormatFloat(f, fmt, prec, 64). */
export function formatFloat(f: number, verb: 'e' | 'E' | 'f' | 'F' | 'g' | 'G', precision: number | undefined): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const upper = verb === 'E' || verb === 'G';
  const lower = verb.toLowerCase();
  let out: string;
  if (lower === 'f') out = precision === undefined ? shortestFixed(f) : exactFixed(f, precision);
  else if (lower === 'e') out = goExponent(precision === undefined ? f.toExponential() : exactExponential(f, precision));
  else {
    // %g: exponent form when exp < -4 || exp >= precision; for the shortest form Go decides with precision 6.
    const digits = precision === undefined ? undefined : Math.max(precision, 1);
    const expForm = digits === undefined ? f.toExponential() : exactExponential(f, digits - 1);
    const [mantissa, expText] = expForm.split('e');
    const exp = Number(expText);
    const eprec = digits === undefined ? 6 : digits;
    if (exp < -4 || exp >= eprec) out = goExponent(`${trimZeros(mantissa!)}e${expText}`);
    else {
      const nd = mantissa!.replace('-', '').replace('.', '').length;
      out = digits === undefined ? shortestFixed(f) : trimZeros(f.toFixed(Math.max(0, nd - 1 - exp)));
    }
  }
  return upper ? out.toUpperCase() : out;
}

/** The exact decimal expansion of a finite double: digits (no sign, no leading zeros) and the decimal exponent. */
function exactDecimal(f: number): { digits: string; exponent: number } {
  const { mantissa, exponent: e2 } = doubleParts(f);
  if (mantissa === 0n) return { digits: '0', exponent: 0 };
  // value = mantissa * 2^e2 = digits * 10^-exponent
  if (e2 >= 0) return { digits: (mantissa << BigInt(e2)).toString(), exponent: 0 };
  return { digits: (mantissa * 5n ** BigInt(-e2)).toString(), exponent: -e2 };
}

/** Rounds a non-negative integer digit string to `keep` leading digits, half to even (Go's strconv). */
function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits + '0'.repeat(keep - digits.length);
  if (keep < 0) return '';
  const head = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const last = keep === 0 ? 0 : digits.charCodeAt(keep - 1) - 48;
  const up = first > 5 || (first === 5 && (tail || last % 2 === 1));
  const result = (up ? head + 1n : head).toString();
  return keep === 0 ? (up ? '1' : '') : result.padStart(keep, '0');
}

/** f.toFixed(precision) with Go's exact half-to-even rounding. */
function exactFixed(f: number, precision: number): string {
  const { digits, exponent } = exactDecimal(f);
  const negative = f < 0 || Object.is(f, -0);
  // value = digits / 10^exponent; keep (len - exponent + precision) digits.
  const intLength = digits.length - exponent;
  let rounded = roundDigits(digits, intLength + precision);
  if (rounded === '') rounded = '0';
  const padded = rounded.padStart(precision + 1, '0');
  const whole = padded.slice(0, padded.length - precision) || '0';
  const fraction = padded.slice(padded.length - precision);
  const text = precision > 0 ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : negative ? `-${text}` : text;
}

/** f.toExponential(precision) (JS form, e+N) with Go's exact half-to-even rounding. */
function exactExponential(f: number, precision: number): string {
  const negative = f < 0 || Object.is(f, -0);
  if (f === 0) return `${negative ? '-' : ''}${precision > 0 ? `0.${'0'.repeat(precision)}` : '0'}e+0`;
  const { digits, exponent } = exactDecimal(f);
  const stripped = digits.replace(/^0+/, '');
  let exp10 = stripped.length - 1 - exponent;
  let rounded = roundDigits(stripped, precision + 1);
  if (rounded.length > precision + 1) {
    rounded = rounded.slice(0, precision + 1);
    exp10++;
  }
  const mantissa = precision > 0 ? `${rounded[0]}.${rounded.slice(1)}` : rounded;
  return `${negative ? '-' : ''}${mantissa}e${exp10 < 0 ? '-' : '+'}${Math.abs(exp10)}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function shortestFixed(f: number): string {
  const s = String(f);
  if (!s.includes('e')) return s;
  const [m, e] = s.split('e');
  const exp = Number(e);
  const negative = m!.startsWith('-');
  const digits = m!.replace('-', '').replace('.', '');
  const pointAt = (m!.replace('-', '').indexOf('.') === -1 ? m!.replace('-', '').length : m!.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${out}` : out;
}

/** JS exponent `1.5e+2` -> Go `1.5e+02`. */
function goExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Widths and precisions beyond this are refused (a hostile format must not allocate gigabytes). */
export const MAX_WIDTH = 1_000_000;

function pad(s: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (width > MAX_WIDTH) throw new RangeError(`fmt width ${width} exceeds ${MAX_WIDTH}`);
  // no width: nothing to pad, so no code points to count
  if (width <= 0) return s;
  const length = [...s].length;
  if (length >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - length);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    const body = sign ? s.slice(1) : s;
    const prefix = /^0[xXbo]/.test(body) && spec.sharp ? body.slice(0, 2) : '';
    return sign + prefix + '0'.repeat(width - length) + body.slice(prefix.length);
  }
  return ' '.repeat(width - length) + s;
}

function signed(body: string, negative: boolean, spec: Spec): string {
  if (negative) return `-${body}`;
  if (spec.plus) return `+${body}`;
  if (spec.space) return ` ${body}`;
  return body;
}

function formatInteger(value: bigint, verb: string, spec: Spec, isBig: boolean): string | undefined {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let body: string;
  switch (verb) {
    case 'v':
    case 'd':
      body = abs.toString(10);
      break;
    case 's':
      if (!isBig) return undefined;
      body = abs.toString(10);
      break;
    case 'b':
      body = abs.toString(2);
      if (spec.sharp && isBig) body = `0b${body}`;
      break;
    case 'o':
    case 'O':
      body = abs.toString(8);
      if (verb === 'O') body = `0o${body}`;
      else if (spec.sharp) body = `0${body}`;
      break;
    case 'x':
      body = abs.toString(16);
      if (spec.sharp) body = `0x${body}`;
      break;
    case 'X':
      body = abs.toString(16).toUpperCase();
      if (spec.sharp) body = `0X${body}`;
      break;
    case 'c':
      if (isBig) return undefined;
      return pad(String.fromCodePoint(Number(value) >= 0 && Number(value) <= 0x10ffff ? Number(value) : 0xfffd), spec, false);
    case 'q':
      if (isBig) return undefined;
      return pad(`'${String.fromCodePoint(Number(value) >= 0 && Number(value) <= 0x10ffff ? Number(value) : 0xfffd)}'`, spec, false);
    case 'U': {
      if (isBig) return undefined;
      const hex = abs.toString(16).toUpperCase().padStart(4, '0');
      return pad(`U+${hex}`, spec, false);
    }
    default:
      return undefined;
  }
  if (spec.precision !== undefined && spec.precision > MAX_WIDTH) throw new RangeError(`fmt precision ${spec.precision} exceeds ${MAX_WIDTH}`);
  if (spec.precision !== undefined && verb !== 'O') {
    const digitsStart = body.search(/[0-9a-fA-F]/) === 0 || !/^0[xXb]/.test(body) ? 0 : 2;
    const digits = body.slice(digitsStart);
    if (spec.precision === 0 && value === 0n) body = body.slice(0, digitsStart);
    else body = body.slice(0, digitsStart) + digits.padStart(spec.precision, '0');
    return pad(signed(body, negative, spec), { ...spec, zero: false }, true);
  }
  return pad(signed(body, negative, spec), spec, true);
}

function formatArg(arg: GoArg, verb: string, spec: Spec): string {
  let out: string | undefined;
  switch (arg.kind) {
    case 'int':
    case 'bigint':
      out = 'eEfFgG'.includes(verb) ? undefined : formatInteger(arg.value, verb, spec, arg.kind === 'bigint');
      break;
    case 'float': {
      const v = arg.value;
      if ('eEfFgGv'.includes(verb)) {
        const f = verb === 'v' ? 'g' : (verb as 'e' | 'E' | 'f' | 'F' | 'g' | 'G');
        let text = formatFloat(Math.abs(v), f, spec.precision ?? (f === 'e' || f === 'E' || f === 'f' || f === 'F' ? 6 : undefined));
        if (spec.sharp && !text.includes('.') && Number.isFinite(v)) text = text.replace(/^(\d+)/, '$1.');
        out = pad(signed(text, v < 0 || Object.is(v, -0), spec), spec, Number.isFinite(v));
      }
      break;
    }
    case 'string': {
      let s = arg.value;
      if (verb === 's' || verb === 'v') {
        if (spec.precision !== undefined) s = [...s].slice(0, spec.precision).join('');
        out = pad(s, spec, false);
      } else if (verb === 'q') out = pad(spec.sharp && !s.includes('`') ? `\`${s}\`` : goQuote(s), spec, false);
      else if (verb === 'x' || verb === 'X') {
        const hex = [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
        out = pad(verb === 'X' ? hex.toUpperCase() : hex, spec, false);
      }
      break;
    }
  }
  return out ?? `%!${verb}(${describe(arg)})`;
}

function describe(arg: GoArg): string {
  const text = arg.kind === 'string' ? arg.value : arg.kind === 'float' ? formatFloat(arg.value, 'g', undefined) : arg.value.toString();
  return `${GO_TYPE[arg.kind]}=${text}`;
}

/** Go's fmt.Sprintf(format, args...). */
export function goSprintf(format: string, args: readonly GoArg[]): string {
  let out = '';
  let argIndex = 0;
  let reordered = false;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    // The common verb: `%s` or `%v` of a string, with no flags, width or precision, is the string itself.
    const c = format.charCodeAt(i);
    if (c === 0x73 || c === 0x76) {
      const arg = args[argIndex];
      if (arg !== undefined && arg.kind === 'string') {
        out += arg.value;
        argIndex++;
        i++;
        continue;
      }
    }
    const spec: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false };
    for (; i < n; i++) {
      const c = format[i];
      if (c === '+') spec.plus = true;
      else if (c === '-') spec.minus = true;
      else if (c === '#') spec.sharp = true;
      else if (c === ' ') spec.space = true;
      else if (c === '0') spec.zero = !spec.minus;
      else break;
    }
    const argNumber = (): void => {
      const m = /^\[(\d+)\]/.exec(format.slice(i));
      if (m) {
        argIndex = Number(m[1]) - 1;
        reordered = true;
        i += m[0].length;
      }
    };
    argNumber();
    if (format[i] === '*') {
      i++;
      const a = args[argIndex++];
      if (a && a.kind === 'int') {
        spec.width = Number(a.value);
        if (spec.width < 0) {
          spec.minus = true;
          spec.width = -spec.width;
        }
      } else out += '%!(BADWIDTH)';
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        spec.width = Number(m[0]);
        i += m[0].length;
      }
    }
    if (format[i] === '.') {
      i++;
      argNumber();
      if (format[i] === '*') {
        i++;
        const a = args[argIndex++];
        if (a && a.kind === 'int' && a.value >= 0n) spec.precision = Number(a.value);
        else out += '%!(BADPREC)';
      } else {
        const m = /^\d+/.exec(format.slice(i));
        spec.precision = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    argNumber();
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[argIndex];
    if (arg === undefined) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    argIndex++;
    if (verb === 'T') out += pad(GO_TYPE[arg.kind], spec, false);
    else out += formatArg(arg, verb, spec);
  }
  if (!reordered && argIndex < args.length) {
    out += `%!(EXTRA ${args
      .slice(argIndex)
      .map((a) => describe(a))
      .join(', ')})`;
  }
  return out;
}
