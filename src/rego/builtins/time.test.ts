import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { parseDuration, parseTime } from './go-time.ts';
import { toJSONText, type RegoValue } from '../value.ts';

// Expectations from OPA's conformance cases (../shared/data/opa-conformance/v1/time) and Go's time package.
const results: Array<[string, RegoValue[], RegoValue]> = [
  ['time.parse_rfc3339_ns', ['2017-06-02T19:00:00-07:00'], 1496455200000000000n],
  ['time.parse_ns', ['02 Jan 06 15:04 -0700', '02 Jun 17 19:00 -0700'], 1496455200000000000n],
  ['time.parse_ns', ['RFC822Z', '02 Jun 17 19:00 -0700'], 1496455200000000000n],
  ['time.parse_ns', ["01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"], 1496455200000000000n],
  ['time.parse_ns', ['2006-01-02T15:04:05Z07:00', '1677-09-21T00:12:43.145224192-00:00'], -9223372036854775808n],
  ['time.parse_duration_ns', ['1h30m'], 5400000000000],
  ['time.parse_duration_ns', ['-1.5µs'], -1500],
  ['time.date', [1517832000000000000n], [2018, 2, 5]],
  ['time.date', [[1517800000000000000n, 'America/Los_Angeles']], [2018, 2, 4]],
  ['time.clock', [[1517832000000000000n, 'America/New_York']], [7, 0, 0]],
  ['time.weekday', [1518350400000000000n], 'Sunday'],
  ['time.add_date', [1585852421593912000n, 3, 9, 12], 1705257221593912000n],
  ['time.add_date', [1585852421593912000n, -1, -1, -1], 1551465221593912000n],
  ['time.add_date', [[1615654800000000000n, 'America/New_York'], 0, 0, 1], 1615737600000000000n],
  ['time.format', [1517832000000000000n], '2018-02-05T12:00:00Z'],
  ['time.format', [[1517832000123000000n, 'UTC', 'Mon Jan _2 15:04:05.000 2006']], 'Mon Feb  5 12:00:00.123 2018'],
  ['time.format', [[1517832000000000000n, 'Asia/Kolkata', 'RFC3339']], '2018-02-05T17:30:00+05:30'],
  ['time.diff', [1517832000000000000n, 1585852421593912000n], [2, 1, 25, 6, 33, 41]],
];

describe('time builtins', () => {
  it.each(results.map(([name, args, want], i) => ({ name, args, want, i })))('$name #$i', ({ name, args, want }) => {
    expect(toJSONText(callBuiltin(name, args)!)).toBe(toJSONText(want));
  });

  it.each([
    ['time.parse_ns', ['2006-01-02T15:04:05Z07:00', '2262-04-11T23:47:16.854775808-00:00'], 'time outside of valid range'],
    ['time.date', [18446744073709551616n], 'timestamp too big'],
    ['time.add_date', [-9223372036854775808n, 0, 0, -1], 'time outside of valid range'],
    ['time.parse_duration_ns', ['12'], 'missing unit in duration'],
  ].map(([n, a, m]) => [n, a, m] as [string, RegoValue[], string]))('%s rejects: %s', (name, args, message) => {
    expect(() => callBuiltin(name, args)).toThrow(message);
  });

  it('reads time.now_ns from the evaluation context', () => {
    expect(callBuiltin('time.now_ns', [])).toBe(1700000000000000000n);
  });
});

describe('Go layouts and durations', () => {
  it('parses fractional seconds and zone abbreviations', () => {
    expect(parseTime('Mon Jan _2 15:04:05 MST 2006', 'Fri Jun  2 19:00:00.5 UTC 2017')).toBe(1496430000500000000n);
  });
  it('reports Go parse errors', () => {
    expect(() => parseTime('2006-01-02', '2017-13-01')).toThrow('month out of range');
    expect(() => parseTime('2006-01-02', '17-01-01')).toThrow('cannot parse "17-01-01" as "2006"');
  });
  it('sums duration components', () => {
    expect(parseDuration('2h45m30.5s')).toBe(9930500000000n);
  });
});
