// docs/api.md: every ```ts example runs against the library (src/index.ts under tsx, from the repository root) and
// prints exactly what the whole-line `// ` comments under it say.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tsExamples } from '../helpers/markdown.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'iacpac-api-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const examples = tsExamples(readFileSync(join(root, 'docs', 'api.md'), 'utf8'));
const library = pathToFileURL(join(root, 'src', 'index.ts')).href;
const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

describe('docs/api.md examples', () => {
  it('has examples for every public function', () => {
    const all = examples.map((e) => e.code).join('\n');
    for (const name of ['analyze', 'validate', 'plan', 'scan', 'check', 'formatResults', 'evaluateRego', 'generate', 'bench']) {
      expect(all).toMatch(new RegExp(`\\b${name}\\(`));
    }
  });

  it.each(examples.map((e, i) => [`${i + 1}: ${e.heading}`, e.code] as const))('example %s runs and prints what it says', async (_name, code) => {
    const file = join(work, `example-${Math.random().toString(36).slice(2)}.mts`);
    writeFileSync(file, code.replace(/from 'iacpac'/g, `from '${library}'`));
    const expected = code
      .split('\n')
      .filter((l) => /^\/\/ /.test(l))
      .map((l) => l.slice(3))
      .join('\n');
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', tsx, file], { cwd: root, env: { ...process.env, NO_COLOR: '1', OPENAI_API_KEY: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // A program that finished its work but does not exit (a handle left open) fails here instead of hanging.
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd()).toBe(expected);
  }, 150_000);
});
