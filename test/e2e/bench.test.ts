import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults } from '../../src/bench/results-store.ts';
import { ROOT, iacpac, iacpacSync } from '../helpers/cli.ts';
import { startLlmTestServer, type LlmTestServer } from '../helpers/llm-test-server.ts';

const cacheEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, IACPAC_CACHE_DIR: mkdtempSync(join(tmpdir(), 'iacpac-cache-')), ...env });
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = iacpacSync(args, { env: cacheEnv(env) });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
};

/** Async spawn: the loopback LLM server lives in this process, so the event loop must keep running. */
async function cliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const run = await iacpac(args, { env: cacheEnv(env) });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

const VALID = 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x-logs"\n}\n';
const INVALID = 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x-logs"\n  not_an_argument = true\n}\n';

describe('iacpac bench', () => {
  const servers: LlmTestServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('runs the reference pseudo-model offline: references validate and object recall = precision = 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'iacpac-bench-ref-'));
    const run = cli(['bench', '--model', 'reference', '--limit', '12', '--seed', '3', '--attempts', '2', '--out', out]);
    expect(run.stderr).toContain('12 tasks × 1 model(s)');
    expect(run.status).toBe(0);
    const records = readResults(out);
    const finals = records.filter((r) => r.final);
    expect(finals.length).toBe(12);
    for (const r of finals) {
      expect(r.object_recall).toBe(1);
      expect(r.object_precision).toBe(1);
      expect(r.error).toBeNull();
    }
    expect(run.stdout).toContain('Validation pass rate after k attempts');
    expect(run.stdout).toContain('iacpac policy library vs Checkov 3.3.13');
  });

  it('multi-attempt run against a loopback OpenAI server: invalid at attempt 1, repaired at attempt 2', async () => {
    let generations = 0;
    const server = await startLlmTestServer((request) => {
      // The judge's system prompt asks for a grade; everything else is the model under test.
      if (request.messages[0]?.content.includes('You grade')) return { content: '{"score": 4, "reasons": "bucket created, naming differs"}' };
      generations++;
      return generations === 1 ? { content: `Here you go:\n\`\`\`hcl\n${INVALID}\`\`\`` } : { content: `Fixed:\n\`\`\`hcl\n${VALID}\`\`\`` };
    });
    servers.push(server);
    const out = mkdtempSync(join(tmpdir(), 'iacpac-bench-llm-'));
    const run = await cliAsync(
      ['bench', '--model', 'openai:gpt-test', '--judge-model', 'openai:gpt-judge', '--base-url', server.openaiBaseUrl, '--limit', '1', '--attempts', '3', '--out', out, '--report'],
      {
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
    });
    expect(run.status).toBe(0);
    const records = readResults(out);
    expect(records.map((r) => [r.attempt, r.valid, r.final])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
    // The judge scores the final script (structured JSON reply validated with zod).
    expect(records[1]!.intent_score).toBe(4);
    expect(records[1]!.intent_reasons).toBe('bucket created, naming differs');
    expect(server.requests.map((r) => r.body?.model)).toEqual(['gpt-test', 'gpt-test', 'gpt-judge']);
    // The repair request carries Terraform's own diagnostic text.
    expect(server.requests[1]!.text).toContain('Unsupported argument');
    expect(server.requests[1]!.text).toContain('An argument named "not_an_argument" is not expected here.');
    expect(server.requests[1]!.text).toContain('not_an_argument');
    const md = readFileSync(join(out, 'report', 'report.md'), 'utf8');
    expect(md).toMatch(/\| openai:gpt-test \| all \| 1 \| 1 \| 3 \| 0\.0 \| 100\.0 \| 100\.0 \|\n/);
    expect(existsSync(join(out, 'report', 'charts', 'pass-rate-vs-attempts.png'))).toBe(true);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).not.toContain('sk-test-not-a-real-key');
  });

  it('--autofix: every script is also checked after the deterministic repairs, both side by side in the table, results and report', async () => {
    // Attempt 1 misspells an argument Terraform has one close match for; attempt 2 is the model's own repair.
    const misspelt = VALID.replace('bucket =', 'buckett =');
    const server = await startLlmTestServer([{ content: `\`\`\`hcl\n${misspelt}\`\`\`` }, { content: `\`\`\`hcl\n${VALID}\`\`\`` }]);
    servers.push(server);
    const out = mkdtempSync(join(tmpdir(), 'iacpac-bench-autofix-'));
    const run = await cliAsync(['bench', '--model', 'openai:gpt-test', '--base-url', server.openaiBaseUrl, '--limit', '1', '--attempts', '2', '--autofix', '--out', out, '--report'], {
      OPENAI_API_KEY: 'sk-test',
    });
    expect(run.status).toBe(0);
    const records = readResults(out);
    // The conversation is the unrepaired one: the model was asked to repair its own script.
    expect(records.map((r) => [r.attempt, r.valid, r.autofix?.valid])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
    expect(server.requests[1]!.text).toContain('buckett');
    expect(records[0]!.autofix!.repairs.map((r) => [r.kind, r.description])).toContainEqual(['rename-argument', 'rename argument "buckett" to "bucket"']);
    expect(readFileSync(join(out, 'attempts', 'openai_gpt-test', String(records[0]!.index), 's0-a1-autofix', 'main.tf'), 'utf8')).toContain('bucket = "x-logs"');
    // Policy-driven repairs remove findings of the valid script (each verified by a fresh scan).
    const final = records[1]!;
    expect(final.autofix!.repairs.every((r) => r.source === 'security')).toBe(true);
    expect(final.autofix!.findings.length).toBeLessThan(final.findings.length);
    // With repairs the sample ends at attempt 1, so its final script is attempt 1's repaired one.
    const repairedFinal = records[0]!.autofix!;
    const row = new RegExp(
      `\\| openai:gpt-test \\| all \\| 0\\.0 \\| 100\\.0 \\| 100\\.0 \\| 100\\.0 \\| [0-9.–]+ \\| [0-9.–]+ \\| ${final.findings.length}\\.00 \\| ${repairedFinal.findings.length}\\.00 \\| ${final.findings.length} \\| ${repairedFinal.findings.length} \\| 1 \\| ${repairedFinal.repairs.length - 1} \\| 1 \\|`,
    );
    expect(run.stdout).toContain('Deterministic repairs (--autofix): without → with');
    expect(run.stdout).toMatch(row);
    expect(readFileSync(join(out, 'report', 'report.md'), 'utf8')).toMatch(row);
    expect(readFileSync(join(out, 'report', 'report.html'), 'utf8')).toContain('Deterministic repairs (--autofix)');
    const summary = JSON.parse(readFileSync(join(out, 'report', 'summary.json'), 'utf8')) as { groups: Array<{ difficulty: number | null; autofix: { passRateAfterAttempt: number[] } | null }> };
    expect(summary.groups.find((g) => g.difficulty === null)!.autofix!.passRateAfterAttempt).toEqual([1, 1]);
    expect(JSON.parse(readFileSync(join(out, 'run-config.json'), 'utf8')).autofix).toBe(true);
  });

  it('counts every failed judge call with its reason: on stderr at the end of bench and in each record', async () => {
    const server = await startLlmTestServer((request) =>
      request.messages[0]?.content.includes('You grade') ? { content: 'Looks right to me, I would say 4 out of 5.' } : { content: `\`\`\`hcl\n${VALID}\`\`\`` },
    );
    servers.push(server);
    const out = mkdtempSync(join(tmpdir(), 'iacpac-bench-judge-'));
    const run = await cliAsync(
      ['bench', '--model', 'openai:gpt-test', '--judge-model', 'openai:gpt-judge', '--base-url', server.openaiBaseUrl, '--limit', '2', '--attempts', '1', '--out', out],
      { OPENAI_API_KEY: 'sk-test' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'judge openai:gpt-judge on openai:gpt-test: 2 call(s), 0 scored, 2 failed: 2 × reply has no JSON object (e.g. "the reply contains no JSON object; the reply began \\"Looks right to me',
    );
    const finals = readResults(out).filter((r) => r.final);
    expect(finals.map((r) => [r.intent_score, r.judge_error?.reason])).toEqual([
      [null, 'reply has no JSON object'],
      [null, 'reply has no JSON object'],
    ]);
  });

  it('resumes a killed run without redoing finished attempts or writing duplicate lines', async () => {
    const server = await startLlmTestServer([{ content: `\`\`\`hcl\n${VALID}\`\`\``, delayMs: 150 }]);
    servers.push(server);
    const out = mkdtempSync(join(tmpdir(), 'iacpac-bench-kill-'));
    const args = ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'bench', '--model', 'openai:gpt-test', '--base-url', server.openaiBaseUrl, '--limit', '16', '--concurrency', '1', '--no-cache', '--out', out];
    const env = { ...process.env, OPENAI_API_KEY: 'sk-test' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    // Kill it once a few attempts are on disk.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (readResults(out).length >= 4) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('bench finished before it could be killed'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const before = readResults(out);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.length).toBeLessThan(16);
    const requestsBefore = server.requests.length;
    const rerun = await cliAsync(args.slice(3), { OPENAI_API_KEY: 'sk-test' });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`${before.length} already finished`));
    const after = readResults(out);
    const keys = after.map((r) => `${r.index}/${r.sample}/${r.attempt}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.length).toBe(16);
    // Only unfinished rows were asked again (the killed in-flight one at most once more).
    expect(server.requests.length - requestsBefore).toBe(16 - before.length);
  });

  it('replays recorded outputs and renders every table and chart; report compares two runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-bench-replay-'));
    const file = join(dir, 'outputs.jsonl');
    writeFileSync(
      file,
      [0, 1, 2, 3].map((index) => JSON.stringify({ index, output: index % 2 ? `\`\`\`hcl\n${VALID}\`\`\`` : 'I cannot do that.' })).join('\n') + '\n',
    );
    const a = join(dir, 'run-a');
    const b = join(dir, 'run-b');
    expect(cli(['bench', '--model', `replay:${file}`, '--limit', '4', '--out', a]).status).toBe(0);
    expect(cli(['bench', '--model', 'reference', '--limit', '4', '--out', b]).status).toBe(0);
    const report = cli(['report', a, b, '--out', join(dir, 'report')]);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('| replay:outputs.jsonl | all | 4 | 4 | 5 | 50.0 | 50.0 | 50.0 | 50.0 | 50.0 |');
    expect(report.stdout).toContain('| reference | all | 4 | 4 |');
    for (const name of ['report.md', 'report.html', 'charts/severity-distribution.png', 'charts/object-recall-precision.svg'])
      expect(existsSync(join(dir, 'report', name))).toBe(true);
  });

  it.each([
    [['bench'], /give at least one --model/],
    [['bench', '--model', 'reference', '--attempts', '0'], /--attempts must be at least 1/],
    [['bench', '--model', 'reference', '--difficulty', '9'], /--difficulty takes levels 1-6/],
    [['bench', '--model', 'replay:/nonexistent.jsonl'], /replay file not found/],
    [['report', '/nonexistent-run'], /no results.jsonl in \/nonexistent-run/],
  ])('usage errors are one line and exit 2: %j', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBe(1);
  });
});
