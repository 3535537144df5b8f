import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Attribute, Body } from '../../hcl/ast.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import type { ReferenceResolver } from './context.ts';
import type { FunctionCallExtra } from './eval-error.ts';
import { evaluate } from './evaluate.ts';
import { UNKNOWN } from './value.ts';

/**
 * `list(...)` and `map(...)` (removed in Terraform v0.12) in the evaluator, compared with what Terraform 1.11.4
 * reported for the same calls: src/validate/__fixtures__/terraform/removed_functions holds the configuration
 * and its recorded `terraform validate -json`. Every attribute of that configuration whose recorded diagnostic
 * describes the call with its signature (all but the one inside a `for`, where Terraform names only the
 * function) must fail in the evaluator with the same summary, detail, range and function description;
 * `can` and `try` absorb the failure.
 */
const dir = join(import.meta.dirname, '..', '..', 'validate', '__fixtures__', 'terraform', 'removed_functions');
const recorded = JSON.parse(readFileSync(join(dir, 'terraform-validate.json'), 'utf8')) as {
  diagnostics: Array<Diagnostic & { snippet: { function_call?: FunctionCallExtra['functionCall'] } }>;
};

/** `var.x` is unknown, as in `terraform validate`. */
const resolver: ReferenceResolver = {
  resolve: (root) => (root === 'var' ? { value: UNKNOWN, consumed: 1 } : undefined),
};

function attributes(body: Body): Attribute[] {
  return [...body.attributes, ...body.blocks.flatMap((b) => attributes(b.body))];
}

describe('removed functions list and map in the evaluator', async () => {
  const file = await parseHclFile('main.tf', readFileSync(join(dir, 'main.tf'), 'utf8'));
  const cases = attributes(file.body).filter((a) => a.range.start.line > 1);
  const byLine = new Map(recorded.diagnostics.map((d) => [d.range!.start.line, d]));

  it.each(cases.map((a) => [a.name, a.range.start.line, a] as const))('%s (line %d)', (_name, line, attr) => {
    const want = byLine.get(line);
    const errors = evaluate(attr.expr, { resolver }).diagnostics.filter((d) => d.severity === 'error');
    if (!want) {
      expect(errors).toEqual([]);
      return;
    }
    if (!want.snippet.function_call?.signature) return; // inside a `for`: covered by the validator's fixture test
    expect(errors.map((d) => ({ summary: d.summary, detail: d.detail, range: d.range, functionCall: (d as FunctionCallExtra).functionCall }))).toEqual([
      { summary: want.summary, detail: want.detail, range: want.range, functionCall: want.snippet.function_call },
    ]);
  });

  it('checks every recorded call', () => {
    expect(recorded.diagnostics.filter((d) => d.snippet.function_call?.signature)).toHaveLength(9);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });
});
