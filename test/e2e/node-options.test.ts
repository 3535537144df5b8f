// The CLI under Node options a user may pass to node itself (`node --max-old-space-size=4096 $(which iacpac) scan …`):
// V8's options are process-wide, and the root threads of a repository scan must start with them too.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, plainEnv } from '../helpers/cli.ts';

const repo = mkdtempSync(join(tmpdir(), 'iacpac-node-options-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
for (const name of ['a', 'b', 'c']) cpSync(join(ROOT, 'examples', 'insecure-s3'), join(repo, name), { recursive: true });

function run(nodeOptions: string[], args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', tsx, join(ROOT, 'src', 'cli', 'bin.ts'), ...args], { cwd: ROOT, env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('node options', () => {
  it('a repository scan with worker threads runs under V8 options given to node (once an internal error, exit 70)', async () => {
    const plain = await run([], ['scan', repo, '--jobs', '2', '--format', 'json']);
    const tuned = await run(['--max-old-space-size=2048', '--stack-size=900'], ['scan', repo, '--jobs', '2', '--format', 'json']);
    expect(tuned.stderr).toBe('');
    expect(tuned.code).toBe(1);
    expect(JSON.parse(tuned.stdout).results.map((r: { findings: unknown[] }) => r.findings.length)).toEqual([11, 11, 11]);
    expect(tuned.stdout).toBe(plain.stdout);
  }, 120_000);
});
