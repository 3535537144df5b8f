import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostics.ts';
import { validateDirectory } from './validate-directory.ts';

/**
 * The one `startRange` (src/hcl/start-range.ts) used by the evaluator and the validator, against the ranges
 * Terraform reported for function-argument errors (__fixtures__/argument-ranges, see its README): every recorded
 * diagnostic must be reported with the same summary at the same range, in native syntax and in JSON syntax.
 */
const FIXTURES = join(import.meta.dirname, '__fixtures__', 'argument-ranges');

const rows = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((d) => JSON.stringify({ summary: d.summary, range: d.range })).sort();

describe('function argument ranges compared with terraform validate -json', () => {
  it.each(['native', 'json'])('%s syntax', async (name) => {
    const want = JSON.parse(readFileSync(join(FIXTURES, name, 'terraform-validate.json'), 'utf8')) as { diagnostics: Diagnostic[] };
    const got = await validateDirectory(join(FIXTURES, name));
    expect(want.diagnostics.length).toBeGreaterThanOrEqual(27);
    expect(rows(got.diagnostics)).toEqual(rows(want.diagnostics));
  });
});
