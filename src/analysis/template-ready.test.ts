import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';

// Fresh module state (vitest isolates test files): nothing has started the template parser before this test, and
// HashiCorp's parser, not tree-sitter, parses the valid files, so only loadConfiguration can have readied it.
describe('templatefile in a loaded configuration', () => {
  it('is rendered on the first evaluation: loading readies the template parser when a file names a template function', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-template-ready-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = templatefile("${path.module}/name.tpl", { env = "prod" })\n}\n');
    writeFileSync(join(dir, 'name.tpl'), 'acme-${env}-data');
    const analysis = await analyze(dir);
    const plan = analysis.plan;
    expect(plan.diagnostics.filter((d) => d.summary === 'Template not evaluated')).toEqual([]);
    const bucket = plan.plan.planned_values.root_module.resources?.[0]?.values?.['bucket'];
    expect(bucket).toBe('acme-prod-data');
  });
});
