import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disagreements, observationsOf, probeKeys } from '../../../scripts/provider-checks/apply-patterns.ts';
import { charRulePattern, inferCharRule, inferRules } from '../../../scripts/provider-checks/infer-rule.ts';
import { PATTERN_PROBES_FILE, readPatternRecords, repeatTo } from '../../../scripts/provider-checks/pattern-probes.ts';
import { runValueCheck } from './value-checks.ts';

const keys = { name: 'name', flat: 'name', path: 'name' };

/** Answers of a made-up provider rule: each string and whether it drew `bad name`. */
function answers(accept: (v: string) => boolean, values: string[]) {
  return values.map((value) => ({ value, messages: accept(value) ? [] : [{ summary: 'bad name', detail: '' }] }));
}

const SHAPES = [
  '',
  'a',
  'A',
  '1',
  '-',
  'abcdefgh',
  'ABCDEFGH',
  'Abcdefgh',
  'abcd1234',
  '1bcdefgh',
  '-bcdefgh',
  'abcdefg-',
  'abcd-efgh',
  'abcd_efgh',
  'abcd.efgh',
  'abcd efgh',
  'user@example.com',
  ...[2, 3, 62, 63, 64, 65, 100].map((n) => repeatTo('abcdefgh', n)),
];

describe('inferring a rule behind a custom message from the answers', () => {
  it.each<[string, (v: string) => boolean, Array<[string, boolean]>]>([
    [
      'lowercase, digits and hyphens, starting with a letter, 1-63 characters',
      (v) => /^[a-z][a-z0-9-]{0,62}$/.test(v),
      [
        ['my-table-1', true],
        ['My-table', false],
        ['1table', false],
        [repeatTo('abc', 63), true],
        [repeatTo('abc', 64), false],
      ],
    ],
    [
      'no capital letters (anything else goes)',
      (v) => !/[A-Z]/.test(v),
      [
        ['my_table', true],
        ['MyTable', false],
        ['with space/and:colon', true],
      ],
    ],
    [
      'not ending with a hyphen',
      (v) => !v.endsWith('-'),
      [
        ['a-b', true],
        ['ab-', false],
        ['', true],
      ],
    ],
  ])('%s', (_, rule, probes) => {
    const result = inferRules(answers(rule, SHAPES), keys);
    expect(result.outcomes.map((o) => o.rule)).toEqual(['chars']);
    const check = result.checks[0];
    if (!check) throw new Error('no check');
    expect(disagreements(result.checks, answers(rule, SHAPES), keys)).toEqual([]);
    for (const [value, ok] of probes) expect(runValueCheck(check, value, keys).length === 0, value).toBe(ok);
  });

  it.each<[string, (v: string) => boolean]>([
    // An email-like rule is outside the language: an exact length coincidence must not pass for a rule.
    ['email-like', (v) => /^[a-z]+@[a-z]+\.[a-z]+$/.test(v)],
    // Fewer than three accepted strings: no evidence for a rule.
    ['almost nothing accepted', (v) => v === 'abcdefgh'],
    // "no two hyphens in a row" cannot be told from the allowed characters.
    ['no double hyphen', (v) => !v.includes('--') && v !== ''],
  ])('keeps the literal check where no rule fits every answer: %s', (_, rule) => {
    const values = [...SHAPES, 'ab--cd', 'x@y.io'];
    const result = inferRules(answers(rule, values), keys);
    expect(result.checks).toEqual([]);
    expect(result.literal.map((r) => r.value).sort()).toEqual(values.filter((v) => !rule(v)).sort());
  });

  it('keeps a length bound only where two answers one character apart show it', () => {
    // Accepted up to 8 characters, rejected from 100: the bound lies somewhere between, so no rule.
    expect(inferCharRule(['a', 'ab', 'abcdefgh'], [repeatTo('a', 100)])).toBeUndefined();
    const rule = inferCharRule(['a', 'ab', 'abcdefgh'], [repeatTo('a', 9)]);
    expect(rule && charRulePattern(rule)).toEqual({ pattern: '^(?:|[\\x00-\\x{10FFFF}]|[\\x00-\\x{10FFFF}][\\x00-\\x{10FFFF}]*[\\x00-\\x{10FFFF}])$', maxLength: 8 });
  });

  it('reads the allowed values of a framework enum message (and "" where the provider accepted it)', () => {
    const detail = (v: string) => `The provided value does not match any valid values.\n\nPath: status\nGiven Value: ${v}\nValid Values: [DISABLED ENABLED ]`;
    const observations = ['', 'ENABLED', 'DISABLED', 'enabled', 'abcdefgh'].map((value) => ({
      value,
      messages: ['', 'ENABLED', 'DISABLED'].includes(value) ? [] : [{ summary: 'Invalid String Enum Value', detail: detail(value) }],
    }));
    const result = inferRules(observations, keys);
    expect(result.checks).toEqual([{ kind: 'inferred', values: ['DISABLED', 'ENABLED', ''], summary: 'Invalid String Enum Value', detail: detail('{{value}}') }]);
  });
});

const recording = existsSync(PATTERN_PROBES_FILE) ? readPatternRecords(PATTERN_PROBES_FILE) : [];

describe.skipIf(recording.length === 0)('rules inferred from the recorded answers of aws 5.100.0', () => {
  const find = (type: string, path: string) => recording.find((r) => r.mode === 'managed' && r.type === type && r.path.join('.') === path);

  it.each<[string, string, string, Array<[string, string[]]>]>([
    ['aws_glue_catalog_table', 'name', 'chars', [['MyTable', ['invalid value for name (uppercase characters cannot be used)']], ['my_table', []]]],
    [
      'aws_sesv2_email_identity',
      'dkim_signing_attributes.domain_signing_private_key',
      'base64',
      [['not base64!', ['"dkim_signing_attributes.0.domain_signing_private_key" ("not base64!") must be base64-encoded']], ['aGVsbG8=', []]],
    ],
    ['aws_config_conformance_pack', 'name', 'chars', [['1st-pack', ['invalid value for name (must begin with alphabetic character)']], ['first-pack', []]]],
    [
      'aws_db_proxy_endpoint',
      'db_proxy_endpoint_name',
      'chars',
      [
        ['Reader-Endpoint', ['only lowercase alphanumeric characters and hyphens allowed in "db_proxy_endpoint_name"', 'first character of "db_proxy_endpoint_name" must be a letter']],
        ['reader-endpoint', []],
      ],
    ],
  ])('%s.%s', (type, path, rule, probes) => {
    const record = find(type, path);
    if (!record) throw new Error(`${type}.${path} is not in ${PATTERN_PROBES_FILE}`);
    const observations = observationsOf(record);
    const result = inferRules(observations, probeKeys(record));
    expect(result.outcomes.map((o) => o.rule)).toContain(rule);
    expect(disagreements(result.checks, observations, probeKeys(record))).toEqual([]);
    for (const [value, messages] of probes) {
      const got = result.checks.flatMap((c) => runValueCheck(c, value, probeKeys(record))).map((f) => f.summary);
      expect(got.sort(), value).toEqual([...messages].sort());
    }
  });

  it('every inferred rule reproduces every recorded answer (every 20th argument)', () => {
    for (const record of recording.filter((_, i) => i % 20 === 0)) {
      const observations = observationsOf(record);
      const result = inferRules(observations, probeKeys(record));
      expect(disagreements(result.checks, observations, probeKeys(record)), `${record.type}.${record.path.join('.')}`).toEqual([]);
    }
  });
});
