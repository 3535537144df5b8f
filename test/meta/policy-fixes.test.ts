// Every fix a library policy declares in its METADATA (`custom.fix`, src/fix/policy-fix-spec.ts) is well formed and
// works on the policy's own fail fixture: `fixConfiguration` (only this policy's fixes, every check of the library
// verifying) removes at least one of its findings, adds none, and the fixture stays valid. The pass fixture is left
// unchanged.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixConfiguration, parseFixSpec } from '../../src/fix/index.ts';
import { libraryDir, loadLibrary } from '../../src/scan/policy-library.ts';
import { Scanner } from '../../src/scan/scanner.ts';

const policies = loadLibrary().policies;
const withFix = policies.filter((p) => p.fix !== undefined);
const scanner = new Scanner({ severity: 'info' });
const work = mkdtempSync(join(tmpdir(), 'iacpac-policy-fixes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function fixFixture(policyId: string, fixture: string) {
  const dir = join(work, `${policyId}-${fixture}`);
  mkdirSync(dir, { recursive: true });
  const policy = policies.find((p) => p.id === policyId)!;
  writeFileSync(join(dir, 'main.tf'), readFileSync(join(libraryDir(), dirname(policy.displayName.replace(/^policies\//, '')), 'fixtures', policyId, `${fixture}.tf`), 'utf8'));
  return fixConfiguration(dir, { only: 'security', policies: [policyId], scanner });
}

describe('policy fixes (METADATA custom.fix)', { timeout: 600_000 }, () => {
  it('some policies declare a fix', () => {
    expect(withFix.length).toBeGreaterThan(0);
  });

  it.each(withFix.map((p) => [p.id, p] as const))('%s: the fix is well formed', (_id, policy) => {
    expect(parseFixSpec(policy.fix)).not.toHaveProperty('error');
  });

  it.each(withFix.map((p) => [p.id] as const))('%s: repairs its fail fixture and leaves its pass fixture alone', async (id) => {
    const failed = await fixFixture(id, 'fail');
    const before = failed.before.findings;
    expect(failed.applied.length, failed.rejected.map((r) => `${r.repair.description}: ${r.reason}`).join('\n')).toBeGreaterThan(0);
    expect(failed.applied.every((r) => r.policyId === id)).toBe(true);
    expect(failed.after.valid).toBe(true);
    expect(failed.after.findings).toBeLessThan(before);
    const passed = await fixFixture(id, 'pass');
    expect(passed.changes).toEqual([]);
  });
});
