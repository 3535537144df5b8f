import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import type { ReferenceResolver, ResolvedReference } from './context.ts';
import { evaluateExpression } from './evaluate.ts';
import { formatConsole } from './format-console.ts';
import { T_STRING } from './types.ts';
import { makeMap, type TfValue, unknownOf } from './value.ts';

/**
 * How unknown values propagate, compared with `terraform console -plan` 1.11 on
 * __fixtures__/plan-console/main.tf (recorded in __fixtures__/terraform-console-plan.json by
 * scripts/record-terraform-console.ts). The resolver gives the resources as the plan sees them:
 * configured arguments known, computed `id`/`arn` unknown strings.
 */
const testdata = join(import.meta.dirname, '__fixtures__');
interface Case {
  expr: string;
  output?: string;
  error?: { summary: string; detail: string };
}
const recorded = JSON.parse(readFileSync(join(testdata, 'terraform-console-plan.json'), 'utf8')) as { cases: Case[] };

const bucket: TfValue = { bucket: 'logs', tags: makeMap({ Env: 'prod' }, T_STRING), arn: unknownOf(T_STRING), id: unknownOf(T_STRING) };
const instances: TfValue = [0, 1].map((i) => ({ ami: `ami-${i}`, instance_type: 't3.micro', id: unknownOf(T_STRING) }));

const resolver: ReferenceResolver = {
  resolve(root, steps): ResolvedReference | undefined {
    const name = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    if (root === 'aws_s3_bucket' && name === 'b') return { value: bucket, consumed: 1 };
    if (root === 'aws_instance' && name === 'web') return { value: instances, consumed: 1 };
    return undefined;
  },
};

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('unknown values compared with terraform console -plan', () => {
  it('has the recorded cases', () => {
    expect(recorded.cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(recorded.cases.map((c) => [c.expr, c] as const))('%s', async (_name, c) => {
    const file = await parseHclFile('<console-input>', `__value__ = ${c.expr}\n`);
    const diagnostics: Diagnostic[] = [];
    const value = evaluateExpression(file.body.attributes[0]!.expr, { resolver }, diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (c.error) {
      expect(errors.map((d) => d.summary)).toEqual([c.error.summary]);
      expect(normalize(errors[0]!.detail)).toBe(normalize(c.error.detail));
    } else {
      expect(errors).toEqual([]);
      expect(formatConsole(value)).toBe(c.output);
    }
  });
});
