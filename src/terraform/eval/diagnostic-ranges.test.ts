import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import { evaluate } from './evaluate.ts';

/**
 * Where each error points: every failing expression of the console table that needs no variables or
 * files is an output of __fixtures__/ranges/main.tf; `terraform validate -json` (recorded in
 * __fixtures__/ranges/terraform-validate.json) reports each error with its range. iacpac must report the
 * same summary at the same range.
 */
const dir = join(import.meta.dirname, '__fixtures__', 'ranges');
const recorded = JSON.parse(readFileSync(join(dir, 'terraform-validate.json'), 'utf8')) as { diagnostics: Diagnostic[] };


describe('error ranges compared with terraform validate', async () => {
  const file = await parseHclFile('main.tf', readFileSync(join(dir, 'main.tf'), 'utf8'));
  const outputs = file.body.blocks.filter((b) => b.type === 'output');
  const byLine = new Map<number, Diagnostic>();
  for (const d of recorded.diagnostics) if (d.range) byLine.set(d.range.start.line, d);

  it('covers the failing expressions', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(100);
    expect(recorded.diagnostics.length).toBeGreaterThanOrEqual(100);
  });

  it.each(outputs.map((o) => [o.labels[0]!, o] as const))('%s', (_name, output) => {
    const attr = output.body.attributes.find((a) => a.name === 'value')!;
    const want = byLine.get(attr.range.start.line);
    const { diagnostics } = evaluate(attr.expr, {});
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!want) {
      // terraform validate accepted it (e.g. a value only checked at plan time): nothing to compare.
      return;
    }
    expect(errors.map((d) => d.summary)).toEqual([want.summary]);
    expect(errors[0]!.range).toEqual(want.range);
  });
});
