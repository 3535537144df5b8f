// Every policy of the library against its own fixtures: the fail fixture yields exactly the expected findings
// (the resources named `fail*`, or the list in expected.json), the pass fixture none.
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryDir, readLibraryIndex } from '../../src/scan/policy-library.ts';
import { Scanner } from '../../src/scan/scanner.ts';

const index = readLibraryIndex();
const scanner = new Scanner({});
const work = mkdtempSync(join(tmpdir(), 'iacpac-policy-fixtures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Scans one fixture file alone (as main.tf of its own directory) and returns this policy's findings. */
async function findingsOf(policyId: string, file: string): Promise<Array<{ address: string; message: string }>> {
  const dir = join(work, `${policyId}-${file.endsWith('pass.tf') ? 'pass' : 'fail'}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), readFileSync(file, 'utf8'));
  const result = await scanner.scanDirectory(dir);
  const errors = result.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => `${f.policy_id}: ${f.message}`)).toEqual([]);
  return result.findings.filter((f) => f.policy_id === policyId).map((f) => ({ address: f.resource, message: f.message }));
}

function expectedAddresses(failFile: string): string[] {
  const expectedFile = join(dirname(failFile), 'expected.json');
  if (existsSync(expectedFile)) {
    return (JSON.parse(readFileSync(expectedFile, 'utf8')) as Array<{ address: string }>).map((e) => e.address).sort();
  }
  const text = readFileSync(failFile, 'utf8');
  return [...text.matchAll(/^resource\s+"([^"]+)"\s+"(fail[^"]*)"/gm)].map((m) => `${m[1]}.${m[2]}`).sort();
}

describe('policy library fixtures', () => {
  it('lists policies', () => {
    expect(index.length).toBeGreaterThan(0);
  });
  for (const entry of index) {
    const fixtures = join(libraryDir(), dirname(entry.file), 'fixtures', entry.id);
    it(`${entry.id} (${entry.file}) reports exactly the fail* resources of fail.tf`, async () => {
      const failFile = join(fixtures, 'fail.tf');
      const expected = expectedAddresses(failFile);
      expect(expected.length).toBeGreaterThan(0);
      const found = await findingsOf(entry.id, failFile);
      expect([...new Set(found.map((f) => f.address))].sort()).toEqual(expected);
      for (const f of found) expect(f.message).toContain(f.address);
    });
    it(`${entry.id} (${entry.file}) reports nothing on pass.tf`, async () => {
      expect(await findingsOf(entry.id, join(fixtures, 'pass.tf'))).toEqual([]);
    });
  }
});
