// The README's quick start on a fresh clone WITHOUT ../shared: clone the committed HEAD into a temporary folder (so
// `../shared` does not exist beside it), run the README's two commands as written, and require that the install
// leaves `git status` clean, the demo exits 1 (findings) and the test suite passes. The inner `npm test` skips this
// file (IACPAC_FRESH_CLONE_INNER) so it does not recurse.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const inner = process.env.IACPAC_FRESH_CLONE_INNER === '1';

/** The two commands of the README's quick start (the first `sh` block after "## Quick start"), comments removed. */
export function quickStartCommands(readme: string): string[] {
  const section = readme.split(/^## Quick start$/m)[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, env: { ...process.env, CI: '', NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(inner)('fresh clone without ../shared', () => {
  const parent = mkdtempSync(join(tmpdir(), 'iacpac-fresh-'));
  const clone = join(parent, 'iacpac');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const [install, test] = quickStartCommands(readFileSync(join(root, 'README.md'), 'utf8'));

  it('the README quick start has exactly two commands: install + demo, and the tests', () => {
    expect([install, test]).toEqual(['npm ci && npx iacpac check examples/insecure-s3', 'npm test']);
  });

  it(
    'installs, runs the demo (exit 1: findings) and passes npm test, leaving git status clean',
    async () => {
      const cloned = await sh(`git clone --quiet --no-hardlinks "${root}" "${clone}"`, parent);
      expect(cloned.code, cloned.output).toBe(0);

      const demo = await sh(install!, clone);
      expect(demo.code, demo.output.slice(-3000)).toBe(1);
      expect(demo.output).toContain('== security scan');
      expect(demo.output).toMatch(/\d+ findings: /);

      const status = await sh('git status --porcelain', clone);
      expect(status.output).toBe('');

      const suite = await sh(`${test!} -- --reporter=dot`, clone, { IACPAC_FRESH_CLONE_INNER: '1' });
      expect(suite.code, suite.output.slice(-5000)).toBe(0);
    },
    20 * 60_000,
  );
});
