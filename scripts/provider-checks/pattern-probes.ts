// The designed strings of the second probing round (scripts/probe-provider-patterns.ts): for an argument whose
// check the first round saw only through a custom message (`invalid value for name (uppercase characters cannot
// be used)`), the provider is shown strings that differ in one respect at a time, so that
// scripts/provider-checks/infer-rule.ts can tell which characters it allows where, and which lengths.
//
//   fixed        name-like strings in many shapes and common formats (email, URL, ARN, base64, JSON, dates, ...)
//   baseline     the first of BASELINES the argument accepts; then, relative to it:
//   middle/first/last  one character of every character category put inside it, in front of it, at its end
//   lengths      the baseline repeated to a series of lengths, then bisected wherever the answer changes
// The plan is adaptive (the baseline and the bisection depend on earlier answers) and deterministic.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PluginDiagnostic, WireValue } from './plugin-client.ts';
import type { SchemaPath } from './probe-plan.ts';

/** Printable ASCII punctuation and space: each is a character category of its own. */
export const PUNCTUATION = ` !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`;

/** One representative of every character category (see categoryOf). */
export const CATEGORY_SAMPLES: readonly string[] = ['q', 'Q', '7', ...PUNCTUATION, '\t', 'é'];

/** The character category of one character: a letter class, digits, one punctuation character, control, non-ASCII. */
export function categoryOf(ch: string): string {
  if (ch >= 'a' && ch <= 'z') return 'lower';
  if (ch >= 'A' && ch <= 'Z') return 'upper';
  if (ch >= '0' && ch <= '9') return 'digit';
  if (PUNCTUATION.includes(ch)) return ch;
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 'control' : 'nonascii';
}

/** Every category, in a fixed order (the order of CATEGORY_SAMPLES). */
export const CATEGORIES: readonly string[] = CATEGORY_SAMPLES.map(categoryOf);

/** Candidate baselines: plain name-like strings, the first one the argument accepts anchors the single changes. */
export const BASELINES = ['abcdefgh', 'ABCDEFGH', 'Abcdefgh', 'abcd1234', 'ABCD1234', 'a1b2c3d4', '12345678', 'abcdefghijkl'];

/** Strings shown to every argument. */
export const FIXED_PROBES: readonly string[] = [
  ...BASELINES,
  // the first round's strings, answered here without its baseline subtraction (a required argument's filler is one)
  'iacpac_Probe-1',
  'a'.repeat(5000),
  '',
  'a',
  'A',
  '1',
  '-',
  '_',
  '.',
  ' ',
  'ab',
  'abc',
  'abcd',
  'MyTable',
  'my_table',
  'my-table',
  'my.table',
  'my table',
  'my/table',
  'my:table',
  'ab--cd',
  'ab..cd',
  'ab__cd',
  'ab-_.cd',
  '-abc-',
  '_abc_',
  '.abc.',
  'abc-',
  '-abc',
  '1abc',
  'abc1',
  'Abc-1_x.y',
  ' abc',
  'abc ',
  '  ',
  '*',
  'user@example.com',
  'https://example.com/path?x=1',
  'http://example.com',
  'example.com',
  'www.example.com',
  'arn:aws:iam::123456789012:role/example',
  'arn:aws:s3:::example-bucket',
  'alias/example',
  's3://example-bucket/key',
  '123456789012',
  '192.168.0.1',
  '10.0.0.0/16',
  '2001:db8::1',
  'aGVsbG8gd29ybGQ=',
  'aGVsbG8=',
  'YWJj',
  'hello!',
  '{"key":"value"}',
  '[]',
  '2024-01-01T00:00:00Z',
  '2024-01-01',
  '12:30',
  '1h30m',
  '30s',
  'PT1H',
  '123e4567-e89b-12d3-a456-426614174000',
  '1.2.3',
  'v1',
  '0',
  '-1',
  '1.5',
  '100',
  'true',
  'cron(0 12 * * ? *)',
  'rate(5 minutes)',
  'sun:05:00-sun:06:00',
  '05:00-06:00',
  'us-east-1',
  'sg-12345678',
  'i-1234567890abcdef0',
  'café',
  'tab\there',
  'line\nbreak',
  '50%',
  '5%',
  '100%',
  '0123',
  '+1',
  '1e3',
  'abc123',
  'ab-cd-ef',
  'a.b.c',
  'foo=bar',
  'key:value',
  'Name With Spaces',
  'ABC_def-123',
  // every character category alone
  ...CATEGORY_SAMPLES,
];

/** Lengths of the baseline-repeated strings before bisection. */
export const LENGTH_SERIES = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 20, 24, 32, 40, 48, 50, 56, 63, 64, 65, 80, 100, 128, 140, 150, 200, 255, 256, 257, 300,
  400, 500, 512, 600, 800, 1000, 1024, 1500, 2000, 2048, 3000, 4096, 5000,
];

/** The baseline repeated (and cut) to a length. */
export function repeatTo(base: string, length: number): string {
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

/** Single-character changes of a baseline: each category inside it, first and last. */
export function characterProbes(base: string): string[] {
  const middle = Math.floor(base.length / 2);
  return CATEGORY_SAMPLES.flatMap((c) => [base.slice(0, middle) + c + base.slice(middle), c + base.slice(1), base.slice(0, -1) + c]);
}

/** The allowed-values list a framework enum message names (`Valid Values: [ENABLED DISABLED]`), with case variants. */
export function enumProbes(details: readonly string[]): string[] {
  const out = new Set<string>();
  for (const detail of details) {
    const m = /\nValid Values: \[([^\]\n]*)\]/.exec(detail);
    if (!m) continue;
    for (const token of (m[1] as string).split(' ').filter(Boolean)) {
      out.add(token);
      out.add(token.toLowerCase());
      out.add(token.toUpperCase());
    }
  }
  return [...out];
}

/**
 * Runs the plan for one argument. `ask` shows the provider one string and resolves to the answer's signature for
 * this argument ('' when it accepted the string; otherwise its messages with the value and digits masked).
 */
export async function runPatternPlan(ask: (value: string) => Promise<string>, extra: readonly string[] = []): Promise<void> {
  const seen = new Map<string, string>();
  const probe = async (value: string): Promise<string> => {
    let answer = seen.get(value);
    if (answer === undefined) seen.set(value, (answer = await ask(value)));
    return answer;
  };
  for (const value of [...FIXED_PROBES, ...extra]) await probe(value);
  let base: string | undefined;
  for (const candidate of BASELINES) if (base === undefined && (await probe(candidate)) === '') base = candidate;
  if (base === undefined) return;
  for (const value of characterProbes(base)) await probe(value);
  const answers: string[] = [];
  for (const length of LENGTH_SERIES) answers.push(await probe(repeatTo(base, length)));
  for (let i = 1; i < LENGTH_SERIES.length; i++) {
    let lo = LENGTH_SERIES[i - 1] as number;
    let hi = LENGTH_SERIES[i] as number;
    const low = answers[i - 1] as string;
    if (low === answers[i]) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if ((await probe(repeatTo(base, mid))) === low) lo = mid;
      else hi = mid;
    }
  }
}

/** The recording of the second round. */
export const PATTERN_PROBES_FILE = 'bench/baselines/provider-checks/aws-5.100.0.pattern-probes.jsonl.gz';

/** A recorded string: itself, or (long strings) a short text repeated to a length. */
export type RecordedString = string | { repeat: string; length: number };

/** Diagnostic texts of a long string name it `<value>` (and its lower case `<value:lower>`). */
export const LONG_VALUE = '<value>';
export const LONG_VALUE_LOWER = '<value:lower>';

/** The answers for one argument. */
export interface PatternRecord {
  mode: 'managed' | 'data';
  type: string;
  path: SchemaPath;
  /** The argument is a list or set of strings: each string was shown as its only element. */
  elements?: true;
  /** Arguments set with it (its required-with partners), at their first-round probe value. */
  partners: Array<{ path: SchemaPath; value: WireValue }>;
  /** The provider's answer without the argument. */
  baseline: PluginDiagnostic[];
  /** Each string and the diagnostics it added to the baseline answer. */
  answers: Array<{ value: RecordedString; diagnostics: PluginDiagnostic[] }>;
}

/** Whether a diagnostic is about the argument at `path` (its own path, or a block around it: paths into sets are cut). */
export function isAbout(d: PluginDiagnostic, path: SchemaPath): boolean {
  const names = (d.path ?? []).flatMap((s) => ('attribute' in s ? [s.attribute] : []));
  if (names.length === 0) return false;
  return names.join('.') === path.join('.') || (names.length < path.length && path.join('.').startsWith(`${names.join('.')}.`));
}


/** The records of a recording. */
export function readPatternRecords(file: string): PatternRecord[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PatternRecord);
}
