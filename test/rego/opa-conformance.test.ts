// Ratchet: every folder listed in opa-conformance.passing must pass all its OPA conformance cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runConformance } from '../../src/rego/conformance.ts';
import { describeWithShared, sharedPath } from '../helpers/shared-data.ts';

const casesDir = sharedPath('data', 'opa-conformance', 'v1');
const listed = readFileSync(join(import.meta.dirname, 'opa-conformance.passing'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describeWithShared(['data', 'opa-conformance', 'v1'], 'OPA conformance ratchet', () => {
  const results = runConformance(casesDir, (folder) => listed.includes(folder));
  it('lists only folders that exist', () => {
    const seen = new Set(results.map((r) => r.folder));
    expect(listed.filter((f) => !seen.has(f))).toEqual([]);
  });
  it.each(listed)('%s passes every case', (folder) => {
    const failures = results.filter((r) => r.folder === folder && r.status === 'fail').map((r) => `${r.note}: ${r.reason ?? ''}`);
    expect(failures).toEqual([]);
  });
});
