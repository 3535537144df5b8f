/**
 * `iacpac generate --interactive` on a real terminal: the CLI runs under `script` (a pseudo-terminal), the test
 * answers the approve/edit/reject question. Skipped where `script` is not installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { byRole, startLlmTestServer, type LlmTestServer, type ScriptedReply } from '../helpers/llm-test-server.ts';

/** Each case spawns the CLI (one or more runs of several seconds); generous for a loaded 2-core machine. */
const E2E_TIMEOUT_MS = 300_000;

const hasScript = spawnSync('script', ['--version']).status === 0;
const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, '__fixtures__', 'generate');
const reply = (name: string): ScriptedReply => ({ content: readFileSync(join(fixtures, name), 'utf8') });
const work = mkdtempSync(join(tmpdir(), 'iacpac-generate-interactive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let server: LlmTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUESTION = '[r]eject?';
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A prompt the CLI prints and what the person does when it appears (write files, then answer). */
interface Step {
  prompt: string;
  answer: (outDir: string) => string;
}

/** Runs generate under a pseudo-terminal and plays `steps` in order as their prompts appear. */
async function interactive(name: string, reviewer: ScriptedReply[], steps: Step[]): Promise<{ code: number | null; out: string; dir: string }> {
  server = await startLlmTestServer(byRole({ 'iac-generator': [reply('iac-site.md')], 'pac-generator': [reply('pac-site-contradiction.md')], reviewer }));
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const args = [process.execPath, '--import', `file://${tsx}`, join(root, 'src', 'cli', 'bin.ts'), 'generate', '--requirements', join(fixtures, 'requirements-site.md'), '--provider', 'openai', '--base-url', server.openaiBaseUrl, '--out', join(dir, 'out'), '--max-iterations', '1', '--no-cache', '--interactive'];
  const child = spawn('script', ['-qec', args.map(quote).join(' '), '/dev/null'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, OPENAI_API_KEY: 'sk-test-0123456789abcdefghij', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let next = 0;
  let seen = 0;
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    while (next < steps.length) {
      const at = out.indexOf(steps[next]!.prompt, seen);
      if (at === -1) break;
      seen = at + steps[next]!.prompt.length;
      child.stdin.write(steps[next]!.answer(join(dir, 'out')));
      next++;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, out: out.replace(/\r/g, ''), dir: join(dir, 'out') };
}

describe.skipIf(!hasScript)('iacpac generate --interactive', { timeout: E2E_TIMEOUT_MS }, () => {
  it('approve: exit 0, status approved, REVIEW.md kept', async () => {
    const run = await interactive('approve', [reply('review-site-conflict.md')], [{ prompt: QUESTION, answer: () => 'a\n' }]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Escalated with 3 open finding(s)');
    expect(JSON.parse(readFileSync(join(run.dir, 'report.json'), 'utf8')).status).toBe('approved');
    expect(existsSync(join(run.dir, 'REVIEW.md'))).toBe(true);
  });

  it('reject: exit 3, status rejected', async () => {
    const run = await interactive('reject', [reply('review-site-conflict.md')], [{ prompt: QUESTION, answer: () => 'r\n' }]);
    expect(run.code, run.out).toBe(3);
    expect(JSON.parse(readFileSync(join(run.dir, 'report.json'), 'utf8')).status).toBe('rejected');
  });

  it('edit: the person fixes the policy, the files are verified again and pass', async () => {
    const run = await interactive('edit', [reply('review-site-conflict.md'), reply('review-pass.md')], [
      { prompt: QUESTION, answer: () => 'e\n' },
      {
        prompt: 'press Enter to verify them again',
        answer: (out) => {
          // The person keeps the ACL part of the policy and drops the settings that forbid the public bucket policy.
          const file = join(out, 'policies', 's3_no_public_access.rego');
          writeFileSync(file, readFileSync(file, 'utf8').replace('some setting in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]', 'some setting in ["block_public_acls", "ignore_public_acls"]'));
          const test = join(out, 'policies', 's3_no_public_access_test.rego');
          writeFileSync(test, readFileSync(test, 'utf8').replace('{"block_public_policy": false}', '{"block_public_acls": false}'));
          return '\n';
        },
      },
    ]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('The edited files verify clean.');
    const report = JSON.parse(readFileSync(join(run.dir, 'report.json'), 'utf8')) as { status: string; open_findings: unknown[] };
    expect([report.status, report.open_findings]).toEqual(['approved', []]);
  });
});
