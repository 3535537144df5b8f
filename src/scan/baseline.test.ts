import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, readBaseline } from './baseline.ts';
import type { Finding, ScanResult } from './finding.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finding = (policy_id: string, resource: string, line = 3): Finding => ({
  policy_id,
  severity: 'low',
  title: 't',
  message: 'm',
  resource,
  range: { filename: 'main.tf', start: { line, column: 1, byte: 0 }, end: { line: line + 2, column: 2, byte: 9 } },
  references: {},
  suppressed: false,
  partial: false,
});
const result = (findings: Finding[]): ScanResult => ({ dir: join(dir, 'infra'), findings, errors: [], partial: false, notices: [], policies: 3, resources: 2 });

describe('baseline files', () => {
  const file = join(dir, '.iacpac.baseline.json');
  const before = [result([finding('A_1', 'aws_s3_bucket.b'), finding('A_2', 'aws_s3_bucket.b'), { ...finding('A_3', 'aws_s3_bucket.c'), suppressed: true }])];

  it('records unsuppressed findings by root (relative to the file), resource and policy', () => {
    expect(createBaseline(before, file, 'iacpac test')).toEqual({
      version: 1,
      generator: 'iacpac test',
      findings: [{ root: 'infra', resource: 'aws_s3_bucket.b', file: 'main.tf', policies: ['A_1', 'A_2'] }],
    });
  });

  it('reports baseline findings as suppressed, whatever their line; new findings stay', () => {
    writeFileSync(file, JSON.stringify(createBaseline(before, file, 'iacpac test')));
    const after = applyBaseline([result([finding('A_1', 'aws_s3_bucket.b', 30), finding('A_1', 'aws_s3_bucket.new')])], readBaseline(file), file);
    expect(after[0]?.findings.map((f) => [f.resource, f.suppressed, f.suppression_kind])).toEqual([
      ['aws_s3_bucket.b', true, 'baseline'],
      ['aws_s3_bucket.new', false, undefined],
    ]);
  });

  it('refuses a missing or malformed file with one line', () => {
    expect(() => readBaseline(join(dir, 'nope.json'))).toThrow(/no such file; create it with --create-baseline/);
    writeFileSync(join(dir, 'bad.json'), '{"version": 2, "findings": []}');
    expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(/bad\.json: version: /);
  });
});
