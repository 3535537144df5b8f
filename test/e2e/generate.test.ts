/**
 * End-to-end: the real `iacpac generate` CLI against a real HTTP server on 127.0.0.1 that speaks the OpenAI
 * chat-completions protocol (and Ollama's), serving scripted replies per agent role. Every stage runs for real:
 * the embedded validator, plan synthesis, the security scanner, the Rego engine (check/test/evaluate), the reviewer.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { byRole, roleOf, runCli, startLlmTestServer, type LlmTestServer, type RecordedRequest, type ScriptedReply } from '../helpers/llm-test-server.ts';

/** Each case spawns the CLI (one or more runs of several seconds); generous for a loaded 2-core machine. */
const E2E_TIMEOUT_MS = 300_000;

const fixtures = join(import.meta.dirname, '__fixtures__', 'generate');
const reply = (name: string): ScriptedReply => ({ content: readFileSync(join(fixtures, name), 'utf8') });
const KEY = 'sk-test-e2e-0123456789abcdefghij';
const work = mkdtempSync(join(tmpdir(), 'iacpac-generate-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let server: LlmTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Report {
  status: string;
  exit_code: number;
  iterations: number;
  files: string[];
  open_findings: Array<{ stage: string; target: string; message: string; id?: string }>;
  history: Array<{ iteration: number; regenerated: { iac: boolean; pac: boolean }; stages: Record<string, string>; notices: string[] }>;
  totals: { llmCalls: number; cachedCalls: number; retries: number; modelFailures: number; inputTokens: number; outputTokens: number; costUsd: number };
}

async function generate(name: string, args: string[], replies: Record<string, ScriptedReply[]>, env: Record<string, string> = {}) {
  server = await startLlmTestServer(byRole(replies));
  const cwd = join(work, name);
  mkdirSync(cwd, { recursive: true });
  const out = join(cwd, 'out');
  const run = await runCli(['generate', ...args, '--out', out, '--base-url', server.openaiBaseUrl, '--provider', 'openai', '--model', 'gpt-4o'], {
    cwd,
    env: { OPENAI_API_KEY: KEY, IACPAC_CACHE_DIR: join(cwd, 'cache'), ...env },
  });
  const report = existsSync(join(out, 'report.json')) ? (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report) : undefined;
  const requests = (role: string): RecordedRequest[] => server!.requests.filter((r) => roleOf(r) === role);
  return { ...run, out, cwd, report, requests, server: server! };
}

const requirements = (name: string) => ['--requirements', join(fixtures, name)];

describe('iacpac generate (OpenAI wire protocol)', { timeout: E2E_TIMEOUT_MS }, () => {
  it('is clean in one iteration: exit 0, files, report, trace without the API key', async () => {
    const run = await generate('clean', [...requirements('requirements-s3.md'), '--regulations', join(fixtures, 'regulations-s3.md')], {
      'iac-generator': [reply('iac-s3-clean.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.status).toBe('clean');
    expect(run.report?.iterations).toBe(1);
    expect(run.report?.files).toEqual(['main.tf', 'outputs.tf', 'policies/s3_versioning.rego', 'policies/s3_versioning_test.rego', 'policies/s3_encryption.rego', 'policies/s3_encryption_test.rego']);
    expect(run.report?.history[0]?.stages).toEqual({
      'terraform-validate': 'valid',
      plan: '5 resource change(s)',
      'security-scan': '0 finding(s) at or above high',
      'rego-check': '4 module(s) compile',
      'rego-test': '6/6 passed',
      'test-coverage': '2/2 deny rule(s) have a firing test',
      'policy-evaluation': '0 violation(s) on the plan',
      review: 'intent 5/5, 0 gap(s), 0 conflict(s)',
    });
    expect(run.report?.totals).toMatchObject({ llmCalls: 3, retries: 0, modelFailures: 0 });
    expect(run.server.requests).toHaveLength(3);
    expect(existsSync(join(run.out, 'REVIEW.md'))).toBe(false);
    for (const file of ['main.tf', 'policies/s3_encryption_test.rego']) {
      expect(readFileSync(join(run.out, file), 'utf8')).toBe(readFileSync(join(fixtures, file === 'main.tf' ? 'iac-s3-clean.md' : 'pac-s3.md'), 'utf8').split(`file=${file.replace('policies/', '')}\n`)[1]!.split('\n```')[0] + '\n');
    }
    const trace = readFileSync(join(run.out, 'trace.jsonl'), 'utf8');
    const calls = trace.trim().split('\n').map((l) => JSON.parse(l) as { type: string; role?: string; usage?: unknown; latencyMs?: number; costUsd?: number; messages?: unknown[]; response?: string });
    expect(calls.filter((c) => c.type === 'llm-call').map((c) => c.role)).toEqual(['iac-generator', 'pac-generator', 'reviewer']);
    for (const call of calls.filter((c) => c.type === 'llm-call')) {
      expect(call).toMatchObject({ usage: expect.any(Object), latencyMs: expect.any(Number), costUsd: expect.any(Number), messages: expect.any(Array), response: expect.any(String) });
    }
    expect(trace).not.toContain(KEY);
    expect(run.stdout).toContain('clean: 1 iteration(s), 6 file(s)');
    // The generator received retrieved schema references for the resources in the requirements.
    expect(run.requests('iac-generator')[0]!.text).toContain('resource "aws_s3_bucket_versioning"');
    expect(run.requests('pac-generator')[0]!.text).toContain('## Reference (example policies and Rego builtins)');
    // The regulations reach the PaC generator and the reviewer.
    const regulations = readFileSync(join(fixtures, 'regulations-s3.md'), 'utf8').trim();
    expect(run.requests('pac-generator')[0]!.text).toContain(`## Regulations\n${regulations}`);
    expect(run.requests('reviewer')[0]!.text).toContain(`## Regulations\n${regulations}`);
  });

  it('repairs a misspelt argument deterministically before verification: no LLM repair turn, recorded in trace.jsonl', async () => {
    const run = await generate('deterministic', requirements('requirements-s3.md'), {
      'iac-generator': [reply('iac-s3-invalid.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.iterations).toBe(1);
    expect(run.report?.history[0]?.stages).toMatchObject({ 'deterministic-repair': '1 repair(s) kept', 'terraform-validate': 'valid' });
    expect(run.requests('iac-generator')).toHaveLength(1);
    expect(readFileSync(join(run.out, 'main.tf'), 'utf8')).toContain('  versioning_configuration {\n    status = "Enabled"\n  }');
    const steps = readFileSync(join(run.out, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; stage?: string; status?: string; applied?: Array<{ kind: string; location: string; description: string; reason: string }> });
    const repair = steps.find((s) => s.stage === 'deterministic-repair' && s.status === 'end');
    expect(repair?.applied).toEqual([
      {
        kind: 'rename-argument',
        source: 'validate',
        location: 'main.tf:26:5',
        description: 'rename argument "state" to "status"',
        reason: 'Error: Unsupported argument (main.tf:26:5): An argument named "state" is not expected here. Did you mean "status"?',
      },
    ]);
  });

  it('repairs invalid Terraform in iteration 2, quoting the validator', async () => {
    const run = await generate('repair', requirements('requirements-s3.md'), {
      'iac-generator': [reply('iac-s3-undeclared-var.md'), reply('iac-s3-clean.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.iterations).toBe(2);
    expect(run.report?.history.map((h) => [h.regenerated, h.stages['terraform-validate']])).toEqual([
      [{ iac: true, pac: true }, '1 error(s)'],
      [{ iac: true, pac: false }, 'valid'],
    ]);
    const second = run.requests('iac-generator')[1]!;
    expect(second.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const feedback = second.messages[3]!.content;
    expect(feedback).toContain('## terraform validate');
    expect(feedback).toContain('Reference to undeclared input variable: An input variable with the name "bucket_name" has not been declared.');
    expect(feedback).toMatch(/at main\.tf:\d+:\d+/);
    // The policies were fine: the PaC generator was not asked again, and the reviewer ran only on valid Terraform.
    expect(run.requests('pac-generator')).toHaveLength(1);
    expect(run.requests('reviewer')).toHaveLength(1);
  });

  it('fixes a security finding with the policy\'s declared fix before asking the model', async () => {
    const run = await generate('security-fix', requirements('requirements-ec2.md'), {
      'iac-generator': [reply('iac-ec2-imdsv1.md')],
      'pac-generator': [reply('pac-ec2.md')],
      reviewer: [reply('review-ec2-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.iterations).toBe(1);
    expect(run.requests('iac-generator')).toHaveLength(1);
    expect(run.report?.history[0]?.stages['security-scan']).toBe('0 finding(s) at or above high');
    expect(readFileSync(join(run.out, 'main.tf'), 'utf8')).toContain('  root_block_device {\n    encrypted = true\n  }\n\n  metadata_options {\n    http_tokens = "required"\n  }\n}');
    const report = JSON.parse(readFileSync(join(run.out, 'report.json'), 'utf8')) as { history: Array<{ repairs?: Array<{ kind: string; description: string }> }> };
    expect(report.history[0]?.repairs?.map((r) => r.description)).toEqual(['set metadata_options.http_tokens = "required" on aws_instance.web (IACPAC_AWS_EC2_007)']);
  });

  it('feeds a security finding without a declared fix back and the model\'s fix makes the run clean', async () => {
    const run = await generate('security', requirements('requirements-ec2.md'), {
      'iac-generator': [reply('iac-ec2-public-ip.md'), reply('iac-ec2-fixed.md')],
      'pac-generator': [reply('pac-ec2.md')],
      reviewer: [reply('review-ec2-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.history.map((h) => h.stages['security-scan'])).toEqual(['1 finding(s) at or above high', '0 finding(s) at or above high']);
    const feedback = run.requests('iac-generator')[1]!.messages[3]!.content;
    expect(feedback).toContain('## Security scan');
    expect(feedback).toContain('[high] IACPAC_AWS_EC2_014');
    expect(feedback).toContain('on aws_instance.web');
    expect(readFileSync(join(run.out, 'main.tf'), 'utf8')).not.toContain('associate_public_ip_address');
    // The policies import the library's plan helpers, which are added to the output and evaluated on the plan.
    expect(run.report?.files).toEqual(['main.tf', 'policies/ec2_instances.rego', 'policies/ec2_instances_test.rego', 'policies/lib/terraform.rego']);
    expect(run.report?.history.map((h) => [h.stages['rego-test'], h.stages['test-coverage'], h.stages['policy-evaluation']])).toEqual([
      ['4/4 passed', '1/1 deny rule(s) have a firing test', '0 violation(s) on the plan'],
      ['4/4 passed', '1/1 deny rule(s) have a firing test', '0 violation(s) on the plan'],
    ]);
  });

  it('escalates a policy that contradicts the requirements to REVIEW.md with exit 3', async () => {
    const run = await generate('conflict', [...requirements('requirements-site.md'), '--max-iterations', '2'], {
      'iac-generator': [reply('iac-site.md')],
      'pac-generator': [reply('pac-site-contradiction.md')],
      reviewer: [reply('review-site-conflict.md')],
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.report?.status).toBe('escalated');
    expect(run.report?.iterations).toBe(2);
    // The reviewer names the policy as contradicting a requirement, so its violations go to the PaC generator:
    // the IaC generator is not asked to break the requirement.
    expect(run.report?.open_findings.map((f) => [f.stage, f.target, f.id])).toEqual([
      ['policy-evaluation', 'pac', 'policies/s3_no_public_access.rego'],
      ['policy-evaluation', 'pac', 'policies/s3_no_public_access.rego'],
      ['review', 'pac', 'conflict'],
    ]);
    expect(run.report?.history.map((h) => h.regenerated)).toEqual([{ iac: true, pac: true }, { iac: false, pac: true }]);
    expect(run.requests('iac-generator')).toHaveLength(1);
    const feedback = run.requests('pac-generator')[1]!.messages[3]!.content;
    expect(feedback).toContain(
      'policy s3_no_public_access contradicts the requirement "Anyone on the internet must be able to read the site\'s objects (public read through a bucket policy)"',
    );
    expect(feedback).toContain('aws_s3_bucket_public_access_block.site does not set block_public_policy = true\n  Fix: the reviewer found that this policy contradicts the requirements: change the policy, not the Terraform');
    const review = readFileSync(join(run.out, 'REVIEW.md'), 'utf8');
    expect(review).toContain('# iacpac generate: human review needed');
    // The PaC generator answered the feedback with the same policies: a stall, reported as such.
    expect(review).toContain('The loop stopped after 2 of 2 iteration(s) (stalled: iteration 2 repeated the files of iteration 1) with 3 blocking finding(s) left.');
    expect(review).toContain('`s3_no_public_access` contradicts "Anyone on the internet must be able to read');
    expect(review).toContain('aws_s3_bucket_public_access_block.site does not set block_public_policy = true');
    expect(review).toContain('Remove or relax the generated policy `policies/s3_no_public_access.rego`');
    expect(review).toContain('### Iteration 1');
    expect(review).toContain('+++ b/policies/s3_no_public_access.rego');
    expect(run.stdout).toContain('3 open finding(s): see');
  });

  it('retries a 429 once without counting it as a model failure', async () => {
    let first = true;
    const replies = byRole({ 'iac-generator': [reply('iac-s3-clean.md')], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] });
    server = await startLlmTestServer((request, index) => {
      if (first) {
        first = false;
        return { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } };
      }
      return replies(request, index);
    });
    const cwd = join(work, 'rate-limit');
    mkdirSync(cwd, { recursive: true });
    const run = await runCli(['generate', ...requirements('requirements-s3.md'), '--out', 'out', '--provider', 'openai', '--base-url', server.openaiBaseUrl], {
      cwd,
      env: { OPENAI_API_KEY: KEY, IACPAC_CACHE_DIR: join(cwd, 'cache') },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.totals).toMatchObject({ llmCalls: 3, retries: 1, modelFailures: 0 });
    expect(server.requests).toHaveLength(4);
    expect(run.stdout).toContain('1 transient retry, 0 unusable replies');
  });

  it('answers a reply without any code block with targeted feedback', async () => {
    const run = await generate('no-code', requirements('requirements-s3.md'), {
      'iac-generator': [reply('refusal.md'), reply('iac-s3-clean.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.iterations).toBe(2);
    expect(run.report?.totals.modelFailures).toBe(1);
    expect(run.report?.history[0]?.stages['terraform-validate']).toBe('skipped (no Terraform files)');
    expect(run.requests('iac-generator')[1]!.messages[3]!.content).toContain(
      '## Reply format\n- Your reply contained no fenced code block. Reply with every file in a fenced block such as ```hcl file=main.tf.',
    );
  });

  it('stops when an iteration repeats an earlier candidate, and says so', async () => {
    // --no-cache: identical repair requests would otherwise be answered from the response cache.
    const run = await generate('endless', [...requirements('requirements-s3.md'), '--max-iterations', '5', '--no-cache'], {
      'iac-generator': [reply('iac-s3-undeclared-var.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.report?.iterations).toBe(2);
    expect(run.report).toMatchObject({ best_iteration: 1, stop: { reason: 'stall', detail: 'iteration 2 repeated the files of iteration 1' } });
    expect(run.requests('iac-generator')).toHaveLength(2);
    expect(run.requests('pac-generator')).toHaveLength(1);
    expect(run.requests('reviewer')).toHaveLength(0);
    expect(run.report?.open_findings.map((f) => f.message)).toEqual([expect.stringContaining('Reference to undeclared input variable')]);
    expect(readFileSync(join(run.out, 'REVIEW.md'), 'utf8')).toContain('The loop stopped after 2 of 5 iteration(s) (stalled: iteration 2 repeated the files of iteration 1) with 1 blocking finding(s) left.');
    expect(run.stdout).toContain('escalated: 2 iteration(s) (iteration 2 repeated the files of iteration 1); the files are iteration 1, the best candidate');
  });

  it('confines a model-chosen ../../etc/x to the output directory', async () => {
    const run = await generate('confined', requirements('requirements-s3.md'), {
      'iac-generator': [reply('iac-confined.md')],
      'pac-generator': [reply('pac-s3.md')],
      reviewer: [reply('review-pass.md')],
    });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.out, 'x.tf'))).toBe(true);
    expect(readFileSync(join(run.out, 'x.tf'), 'utf8')).toContain('resource "aws_s3_bucket_public_access_block" "logs"');
    // out = <cwd>/out, so ../../etc/x from there would be <work>/etc/x.
    expect(existsSync(join(run.cwd, '..', 'etc'))).toBe(false);
    expect(existsSync(join(run.out, '..', '..', 'etc', 'x'))).toBe(false);
    expect(run.report?.history[0]?.notices).toEqual(['renamed "../../etc/x" to "x.tf"']);
  });

  it('serves a repeated run from the response cache without any request', async () => {
    server = await startLlmTestServer(byRole({ 'iac-generator': [reply('iac-s3-clean.md')], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }));
    const cwd = join(work, 'cache');
    mkdirSync(cwd, { recursive: true });
    const args = ['generate', ...requirements('requirements-s3.md'), '--provider', 'openai', '--base-url', server.openaiBaseUrl];
    const env = { OPENAI_API_KEY: KEY, IACPAC_CACHE_DIR: join(cwd, 'cache') };
    const first = await runCli([...args, '--out', 'out-1'], { cwd, env });
    expect(first.code, first.stderr).toBe(0);
    expect(server.requests).toHaveLength(3);
    const second = await runCli([...args, '--out', 'out-2'], { cwd, env });
    expect(second.code, second.stderr).toBe(0);
    expect(server.requests).toHaveLength(3);
    const report = JSON.parse(readFileSync(join(cwd, 'out-2', 'report.json'), 'utf8')) as Report;
    expect(report.totals).toMatchObject({ llmCalls: 3, cachedCalls: 3, costUsd: 0 });
    expect(second.stdout).toContain('LLM: 3 call(s) (3 cached)');
    expect(readFileSync(join(cwd, 'out-2', 'main.tf'), 'utf8')).toBe(readFileSync(join(cwd, 'out-1', 'main.tf'), 'utf8'));
  });
});

describe('iacpac generate (Ollama)', { timeout: E2E_TIMEOUT_MS }, () => {
  it('runs against Ollama at OLLAMA_HOST without an API key', async () => {
    server = await startLlmTestServer(byRole({ 'iac-generator': [reply('iac-s3-clean.md')], 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }));
    const cwd = join(work, 'ollama');
    mkdirSync(cwd, { recursive: true });
    const run = await runCli(['generate', 'Create a private S3 bucket named acme-logs with versioning and KMS encryption.', '--provider', 'ollama', '--out', 'out', '--no-cache'], {
      cwd,
      env: { OLLAMA_HOST: server.url },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8')) as Report & { models: Record<string, { provider: string; model: string }> };
    expect(report.models.reviewer).toEqual({ provider: 'ollama', model: 'llama3.1' });
    expect(report.totals.costUsd).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions', '/v1/chat/completions']);
    expect(server.requests[0]!.body?.model).toBe('llama3.1');
  });
});
