// The README's quick start on a fresh clone WITHOUT ../shared: clone the committed HEAD into a temporary folder (so
// `../shared` does not exist beside it), run the README's two commands as written, and require that the install
// leaves `git status` clean, the demo exits 1 (findings) and the test suite passes. The inner `npm test` skips this
// file (IACPAC_FRESH_CLONE_INNER) so it does not recurse.
//
// Inside the clone, `npm test` type-checks the whole project and runs the test files that read ../shared (they must
// skip cleanly there): every other file behaves the same with or without ../shared and has just run in this suite on
// the same commit, and running all of them twice would double the suite's time. Only test/helpers/shared-data.ts may
// build the ../shared path (checked below), so the files that import it are exactly the ones that read ../shared.
// IACPAC_FRESH_CLONE_FULL=1 runs the whole suite inside the clone instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

const SHARED_HELPER = 'test/helpers/shared-data.ts';

/** Every TypeScript file under src/, test/ and policies/ (repository-relative paths). */
function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

const sources = ['src', 'test', 'policies'].flatMap((top) => sourceFiles(join(root, top)));

/** Test files that read ../shared: the ones importing the shared-data helper. */
export const sharedTests = sources.filter((f) => f.endsWith('.test.ts') && /helpers\/shared-data(\.ts)?['"]/.test(readFileSync(join(root, f), 'utf8')));

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

  it('only the shared-data helper builds the ../shared path, so its importers are the tests that read it', () => {
    const building = sources.filter((f) => f !== SHARED_HELPER && /['"]\.\.\/shared\b|['"]\.\.['"],\s*['"]shared['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(building).toEqual([]);
    expect(sharedTests.length).toBeGreaterThan(0);
  });

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

      const files = process.env.IACPAC_FRESH_CLONE_FULL === '1' ? '' : ` ${sharedTests.join(' ')}`;
      const suite = await sh(`${test!} -- --reporter=dot${files}`, clone, { IACPAC_FRESH_CLONE_INNER: '1' });
      expect(suite.code, suite.output.slice(-5000)).toBe(0);
    },
    20 * 60_000,
  );
});
