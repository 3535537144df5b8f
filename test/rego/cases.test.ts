// iacpac's own Rego cases (OPA's YAML format, plus `v0_compatible`): v0 syntax, compile errors, evaluation.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/rego/conformance.ts';

const results = runConformance(join(import.meta.dirname, 'cases'));

describe('iacpac Rego cases', () => {
  it('finds the case files', () => {
    expect(results.length).toBeGreaterThanOrEqual(21);
  });
  it.each(results.map((r) => [r.note, r] as const))('%s', (_note, r) => {
    expect(r.reason ?? '').toBe('');
    expect(r.status).toBe('pass');
  });
});
