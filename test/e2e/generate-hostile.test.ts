/**
 * `iacpac generate` against a hostile or broken model server (a real HTTP server on 127.0.0.1): a server that echoes
 * the API key, one that never answers, one that sends a huge reply; the caches and what is written where.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { byRole, runCli, startLlmTestServer, type LlmTestServer, type ScriptedReply } from '../helpers/llm-test-server.ts';

/** Each case spawns the CLI (one or more runs of several seconds); generous for a loaded 2-core machine. */
const E2E_TIMEOUT_MS = 300_000;

const fixtures = join(import.meta.dirname, '__fixtures__', 'generate');
const reply = (name: string): ScriptedReply => ({ content: readFileSync(join(fixtures, name), 'utf8') });
const KEY = 'sk-test-hostile-0123456789abcdefghij';
const NO_OLLAMA = { OLLAMA_HOST: 'http://127.0.0.1:9' };
const work = mkdtempSync(join(tmpdir(), 'iacpac-generate-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let server: LlmTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function run(name: string, args: string[], script: Parameters<typeof startLlmTestServer>[0], options: { env?: Record<string, string>; config?: string } = {}) {
  server = await startLlmTestServer(script);
  const cwd = join(work, name);
  mkdirSync(cwd, { recursive: true });
  if (options.config) writeFileSync(join(cwd, '.iacpac.yaml'), options.config);
  const result = await runCli(['generate', 'Create a private S3 bucket named acme-logs with versioning and KMS encryption.', '--out', 'out', '--provider', 'openai', '--base-url', server.openaiBaseUrl, ...args], {
    cwd,
    env: { OPENAI_API_KEY: KEY, ...NO_OLLAMA, ...(options.env ?? {}) },
  });
  return { ...result, cwd, out: join(cwd, 'out'), server: server! };
}

describe('iacpac generate with a hostile model server', { timeout: E2E_TIMEOUT_MS }, () => {
  it('never writes the API key a model echoes: generated files masked and reported, REVIEW.md, caches, trace', async () => {
    const withKey = (name: string): ScriptedReply => {
      const text = readFileSync(join(fixtures, name), 'utf8');
      return { content: text.replace('resource "aws_s3_bucket" "logs" {', `# copied from the request: Authorization: Bearer ${KEY}\nresource "aws_s3_bucket" "logs" {\n  # ${KEY}`) };
    };
    const r = await run('echo', ['--max-iterations', '2', '--cache-dir', 'cache'], byRole({
      'iac-generator': [withKey('iac-s3-clean.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [{ content: `${readFileSync(join(fixtures, 'review-pass.md'), 'utf8')}\nFor reference, the key was ${KEY}.` }],
    }));
    expect(r.code, r.stderr).toBe(3);
    const main = readFileSync(join(r.out, 'main.tf'), 'utf8');
    expect(main).toContain('# [REDACTED]');
    const review = readFileSync(join(r.out, 'REVIEW.md'), 'utf8');
    expect(review).toContain('| Credentials in generated files | IaC generator | - | Your reply wrote the API key of the model provider into "main.tf"; iacpac replaced it with [REDACTED].');
    expect(review).toContain('- note: masked the API key in "main.tf" as [REDACTED]: the reply contained it');
    // The second request told the generator to remove it, without sending the key back.
    const repair = r.server.requests.filter((q) => q.text.includes('Credentials in generated files'));
    expect(repair).toHaveLength(1);
    for (const request of r.server.requests) expect(request.messages.filter((m) => m.role === 'assistant').map((m) => m.content).join('')).not.toContain(KEY);
    const written = [...filesUnder(r.out).map((f) => join(r.out, f)), ...filesUnder(join(r.cwd, 'cache')).map((f) => join(r.cwd, 'cache', f))];
    expect(written.some((f) => f.includes(join('cache', 'llm')))).toBe(true);
    expect(written.some((f) => f.includes(join('cache', 'kb')))).toBe(true);
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain(KEY);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('writes nothing outside --out with --no-cache (HOME is the working directory here)', async () => {
    const r = await run('no-cache', ['--no-cache'], byRole({ 'iac-generator': [reply('iac-s3-clean.md')], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(r.cwd)).toEqual(['out']);
  });

  it('stops a server that never answers after one retry, with one line naming the bound; progress on stderr', async () => {
    const started = Date.now();
    const r = await run('silent', ['--no-cache'], [{ hang: true }], { config: 'llm:\n  firstByteTimeoutMs: 1500\n' });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('iacpac:'))).toEqual(['iacpac: openai model gpt-4o: no response within 1.5 s (llm.firstByteTimeoutMs in .iacpac.yaml raises it)']);
    expect(lines).toContain('  openai model gpt-4o: no response within 1.5 s (llm.firstByteTimeoutMs in .iacpac.yaml raises it); retry 1 in 1 s');
    expect(lines.some((l) => l.includes('iac-generator: writing Terraform (openai/gpt-4o)'))).toBe(true);
    expect(r.server.requests).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(120_000);
  });

  it('refuses a reply of 50 files x 0.95 MB before storing or resending it: exit 2, one line, no crash', async () => {
    const file = (i: number) => `\`\`\`hcl file=f${i}.tf\n${`# ${'x'.repeat(98)}\n`.repeat(9_500)}\`\`\`\n`;
    const huge = Array.from({ length: 50 }, (_, i) => file(i)).join('\n');
    const r = await run('huge', ['--cache-dir', 'cache'], [{ content: huge, chunkChars: 65_536 }]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('iacpac:'))).toEqual(['iacpac: openai model gpt-4o: the reply exceeded 1 MiB (raise llm.maxReplyBytes in .iacpac.yaml)']);
    expect(r.server.requests).toHaveLength(1);
    expect(filesUnder(join(r.cwd, 'cache', 'llm'))).toEqual([]);
    expect(statSync(join(r.out, 'trace.jsonl')).size).toBeLessThan(200_000);
  });

  it('feeds generated Terraform over an input bound back to the generator instead of stopping', async () => {
    const heredoc = `locals {\n  doc = <<EOT\n${'z'.repeat(3000)}\nEOT\n}\n`;
    const r = await run('bounded', ['--no-cache', '--max-iterations', '1'], byRole({ 'iac-generator': [{ content: `\`\`\`hcl file=main.tf\n${heredoc}\`\`\`\n` }], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }), {
      env: { IACPAC_MAX_HEREDOC_BYTES: '1KiB' },
    });
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(readFileSync(join(r.out, 'report.json'), 'utf8')) as { open_findings: Array<{ stage: string; message: string }>; history: Array<{ stages: Record<string, string> }> };
    expect(report.history[0]?.stages['terraform-validate']).toBe('not readable');
    expect(report.open_findings).toContainEqual(expect.objectContaining({ stage: 'terraform-validate', message: 'main.tf:2:9: the heredoc <<EOT is 2.9 KiB, over the 1 KiB limit; set IACPAC_MAX_HEREDOC_BYTES to raise it' }));
  });

  it('bounds trace.jsonl at generate.maxTraceBytes and says so', async () => {
    const r = await run('trace', ['--no-cache'], byRole({ 'iac-generator': [reply('iac-s3-clean.md')], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }), {
      config: 'generate:\n  maxTraceBytes: 20000\n',
    });
    expect(r.code, r.stderr).toBe(0);
    const trace = readFileSync(join(r.out, 'trace.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(trace.at(-1)!)).toMatchObject({ type: 'trace-truncated' });
    expect(Buffer.byteLength(trace.slice(0, -1).join('\n'))).toBeLessThanOrEqual(20_000);
    expect(r.stdout).toContain('trace.jsonl stopped at its bound (generate.maxTraceBytes in .iacpac.yaml raises it)');
    const report = JSON.parse(readFileSync(join(r.out, 'report.json'), 'utf8')) as { totals: { llmCalls: number } };
    expect(report.totals.llmCalls).toBe(3);
  });
});
