import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisCounters } from '../analysis/analyze.ts';
import { createTechnicalVerifier } from './technical-validation.ts';

const fixtures = join(import.meta.dirname, '__fixtures__');
const dir = mkdtempSync(join(tmpdir(), 'iacpac-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const terraform = { path: 'main.tf', content: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n' };
const policies = ['s3_versioning.rego', 's3_versioning_test.rego'].map((name) => ({ path: `policies/${name}`, content: readFileSync(join(fixtures, 'policies', name), 'utf8') }));

describe('technical verification', () => {
  it('analyses a candidate once: one load and one plan shared by validate, scan and the policies', async () => {
    writeFileSync(join(dir, 'main.tf'), terraform.content);
    const verifier = createTechnicalVerifier({ severity: 'high' });
    const before = { ...analysisCounters };
    const result = await verifier.verify({ dir, terraform: [terraform], policies });
    expect({ loads: analysisCounters.loads - before.loads, syntheses: analysisCounters.syntheses - before.syntheses }).toEqual({ loads: 1, syntheses: 1 });
    expect(result.terraformValid).toBe(true);
    expect(result.stages).toMatchObject({ 'terraform-validate': 'valid', plan: '1 resource change(s)', 'policy-evaluation': '1 violation(s) on the plan' });
  });
});
