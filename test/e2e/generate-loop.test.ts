/**
 * The generate loop's discipline, end to end against the loopback OpenAI-protocol server: the final files are the
 * best verified iteration, only what failed is regenerated, a reviewer without a usable verdict is asked once more
 * and then the loop escalates, stalls stop the loop, and deny rules never stay in a *_test.rego file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { byRole, roleOf, runCli, startLlmTestServer, type LlmTestServer, type RecordedRequest, type Responder, type ScriptedReply } from '../helpers/llm-test-server.ts';

const E2E_TIMEOUT_MS = 300_000;
const fixtures = join(import.meta.dirname, '__fixtures__', 'generate');
const text = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const reply = (name: string): ScriptedReply => ({ content: text(name) });
const work = mkdtempSync(join(tmpdir(), 'iacpac-generate-loop-'));
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
  best_iteration: number;
  stop: { reason: string; detail: string };
  files: string[];
  open_findings: Array<{ stage: string; target: string; message: string }>;
  history: Array<{ iteration: number; regenerated: { iac: boolean; pac: boolean }; terraform_valid: boolean; stages: Record<string, string>; notices: string[]; repeats?: number }>;
}

/** The last user message of a request: the feedback of a repair turn, or the task of a first turn. */
const lastUser = (request: RecordedRequest): string => request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';

async function generate(name: string, args: string[], responder: Responder) {
  server = await startLlmTestServer(responder);
  const cwd = join(work, name);
  mkdirSync(cwd, { recursive: true });
  const out = join(cwd, 'out');
  const run = await runCli(['generate', '--requirements', join(fixtures, 'requirements-s3.md'), ...args, '--out', out, '--base-url', server.openaiBaseUrl, '--provider', 'openai', '--model', 'gpt-4o', '--no-cache'], {
    cwd,
    env: { OPENAI_API_KEY: 'sk-test-loop-0123456789abcdefghij', IACPAC_CACHE_DIR: join(cwd, 'cache') },
  });
  const report = existsSync(join(out, 'report.json')) ? (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report) : undefined;
  const requests = (role: string): RecordedRequest[] => server!.requests.filter((r) => roleOf(r) === role);
  const file = (path: string): string => readFileSync(join(out, path), 'utf8');
  return { ...run, out, report, requests, file };
}

/**
 * Routes by role. The IaC generator is a model that "forgets": `iac` picks its reply from what the request says, so
 * it writes the fix for a problem only while that problem's message is in the request.
 */
function script(iac: (request: RecordedRequest) => string, others: Record<string, ScriptedReply[]>): Responder {
  const rest = byRole(others);
  return (request, index) => (roleOf(request) === 'iac-generator' ? { content: iac(request) } : rest(request, index));
}

/** The file inside a fixture's ```hcl file=main.tf block. */
const mainTf = (name: string): string => `${text(name).split('file=main.tf\n')[1]!.split('\n```')[0]!}\n`;

describe('generate loop discipline', { timeout: E2E_TIMEOUT_MS }, () => {
  it('forgetful model, unusable reviewer: the reviewer is asked once more, then the loop escalates with the valid iteration', async () => {
    // Iteration 1 is invalid; the repair request quotes the error, so iteration 2 is valid and clean. The reviewer
    // never gives a usable verdict. Regenerating again would make this model forget the fix (its request would not
    // contain the error), so the loop must stop and keep iteration 2.
    const run = await generate(
      'forgetful-no-review',
      [],
      script((request) => text(lastUser(request).includes('Reference to undeclared input variable') ? 'iac-s3-clean.md' : 'iac-s3-undeclared-var.md'), {
        'pac-generator': [reply('pac-s3.md')],
        reviewer: [{ content: 'Looks good to me, nice work!' }],
      }),
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.report).toMatchObject({ status: 'escalated', iterations: 2, best_iteration: 2, stop: { reason: 'no-review' } });
    expect(run.report?.history.map((h) => [h.iteration, h.terraform_valid, h.stages.review])).toEqual([
      [1, false, 'skipped (Terraform not valid)'],
      [2, true, 'no usable verdict (asked twice)'],
    ]);
    expect(run.requests('iac-generator')).toHaveLength(2);
    expect(run.requests('pac-generator')).toHaveLength(1);
    const reviews = run.requests('reviewer');
    expect(reviews).toHaveLength(2);
    expect(lastUser(reviews[1]!)).toContain('Your reply could not be used');
    // The final files are the valid iteration, not a regenerated (forgotten) one.
    expect(run.file('main.tf')).toBe(mainTf('iac-s3-clean.md'));
    expect(run.report?.open_findings.map((f) => [f.stage, f.target])).toEqual([['review', 'none']]);
    const review = run.file('REVIEW.md');
    expect(review).toContain('the reviewer gave no usable verdict at iteration 2, also when asked again');
    expect(review).toContain('The files in this folder are iteration 2, the best verified candidate (Terraform valid, no security or plan finding, policies pass, no review verdict)');
  });

  it('keeps the best iteration when a later one regresses, and says what the later one did', async () => {
    // 1: invalid -> 2: valid, but the generated versioning policy fails on the plan -> 3: the model forgets and
    // writes another invalid file. The limit is 3, so the loop escalates with iteration 2.
    const run = await generate(
      'regression',
      ['--max-iterations', '3'],
      script(
        (request) => {
          const feedback = lastUser(request);
          if (feedback.includes('does not enable versioning')) return text('iac-s3-undeclared-var-2.md');
          if (feedback.includes('Reference to undeclared input variable')) return text('iac-s3-suspended.md');
          return text('iac-s3-undeclared-var.md');
        },
        { 'pac-generator': [reply('pac-s3.md')], reviewer: [reply('review-pass.md')] },
      ),
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.report).toMatchObject({ iterations: 3, best_iteration: 2, stop: { reason: 'max-iterations' } });
    expect(run.report?.history.map((h) => [h.terraform_valid, h.stages['policy-evaluation']])).toEqual([
      [false, 'skipped (no plan)'],
      [true, '1 violation(s) on the plan'],
      [false, 'skipped (no plan)'],
    ]);
    expect(run.file('main.tf')).toBe(mainTf('iac-s3-suspended.md'));
    expect(run.report?.open_findings.map((f) => f.stage)).toEqual(['policy-evaluation']);
    const review = run.file('REVIEW.md');
    expect(review).toContain('The files in this folder are iteration 2, the best verified candidate (Terraform valid, no security or plan finding, 1 policy finding(s), intent 5/5)');
    expect(review).toContain('- iteration 3: Terraform invalid (1 error(s)) (regenerated Terraform)');
    expect(review).toContain('### Iteration 2 (final files)');
    expect(run.stdout).toContain('escalated: 3 iteration(s) (iteration limit reached); the files are iteration 2, the best candidate');
  });

  it('regenerates only the policies when valid, clean Terraform meets failing policy tests', async () => {
    const run = await generate(
      'policies-only',
      [],
      script(() => text('iac-s3-clean.md'), { 'pac-generator': [reply('pac-s3-failing-test.md'), reply('pac-s3.md')], reviewer: [reply('review-pass.md')] }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.history.map((h) => [h.regenerated, h.stages['rego-test']])).toEqual([
      [{ iac: true, pac: true }, '5/6 passed'],
      [{ iac: false, pac: true }, '6/6 passed'],
    ]);
    expect(run.requests('iac-generator')).toHaveLength(1);
    expect(lastUser(run.requests('pac-generator')[1]!)).toContain('data.iacpac.generated.s3_versioning.test_bucket_without_versioning_is_denied: FAIL');
  });

  it('regenerates only the Terraform when the policies pass and the Terraform is invalid', async () => {
    const run = await generate(
      'terraform-only',
      [],
      script((request) => text(lastUser(request).includes('Reference to undeclared input variable') ? 'iac-s3-clean.md' : 'iac-s3-undeclared-var.md'), {
        'pac-generator': [reply('pac-s3.md')],
        reviewer: [reply('review-pass.md')],
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.history.map((h) => h.regenerated)).toEqual([{ iac: true, pac: true }, { iac: true, pac: false }]);
    expect(run.requests('pac-generator')).toHaveLength(1);
    expect(run.requests('reviewer')).toHaveLength(1);
  });

  it('stops when an iteration has the same blocking findings as the previous one', async () => {
    // The second reply differs (a comment) but has exactly the same error.
    const run = await generate(
      'same-findings',
      ['--max-iterations', '5'],
      script((request) => text(lastUser(request).includes('Reference to undeclared input variable') ? 'iac-s3-undeclared-var-commented.md' : 'iac-s3-undeclared-var.md'), {
        'pac-generator': [reply('pac-s3.md')],
        reviewer: [reply('review-pass.md')],
      }),
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.report).toMatchObject({ iterations: 2, best_iteration: 1, stop: { reason: 'stall', detail: 'iteration 2 has the same 1 blocking finding(s) as iteration 1' } });
    expect(run.requests('iac-generator')).toHaveLength(2);
    expect(run.file('REVIEW.md')).toContain('(stalled: iteration 2 has the same 1 blocking finding(s) as iteration 1)');
  });

  it('repairs deterministically before each LLM repair turn, and the repair request says what was repaired', async () => {
    // Iteration 1 has a misspelt argument (repaired by iacpac) and an undeclared variable (only the model can fix).
    const run = await generate(
      'repair-then-ask',
      [],
      script((request) => text(lastUser(request).includes('Reference to undeclared input variable') ? 'iac-s3-clean.md' : 'iac-s3-invalid-undeclared-var.md'), {
        'pac-generator': [reply('pac-s3.md')],
        reviewer: [reply('review-pass.md')],
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.history.map((h) => [h.stages['deterministic-repair'], h.stages['terraform-validate']])).toEqual([
      ['1 repair(s) kept', '1 error(s)'],
      [undefined, 'valid'],
    ]);
    const second = run.requests('iac-generator')[1]!;
    // The model's previous turn is replayed with the repaired file, and the feedback lists the repair.
    expect(second.messages[2]!.content).toContain('    status = "Enabled"');
    expect(second.messages[2]!.content).not.toContain('    state = "Enabled"');
    expect(lastUser(second)).toContain('## Already repaired by iacpac (deterministic and verified; your files above include these changes, keep them)\n- main.tf:26:5: rename argument "state" to "status"');
    expect(lastUser(second)).not.toContain('Unsupported argument');
  });

  it('moves deny rules out of a *_test.rego file, so the reviewer and the policy checks see them', async () => {
    const run = await generate(
      'deny-in-test',
      [],
      script(() => text('iac-s3-clean.md'), { 'pac-generator': [reply('pac-s3-deny-in-test.md')], reviewer: [reply('review-pass.md')] }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.files).toEqual(['main.tf', 'outputs.tf', 'policies/s3_versioning.rego', 'policies/s3_versioning_test.rego', 'policies/s3_encryption.rego', 'policies/s3_encryption_test.rego']);
    expect(run.report?.history[0]?.notices).toEqual([
      'moved deny (and the rules it uses) from policies/s3_versioning_test.rego to a new policies/s3_versioning.rego: deny/warn rules belong in the policy file, not in a *_test.rego file',
    ]);
    expect(run.report?.history[0]?.stages).toMatchObject({ 'rego-test': '6/6 passed', 'test-coverage': '2/2 deny rule(s) have a firing test' });
    expect(run.file('policies/s3_versioning_test.rego')).not.toContain('deny contains');
    const policies = lastUser(run.requests('reviewer')[0]!).split('## Policies')[1]!.split('## Plan')[0]!;
    expect(policies).toContain('file=policies/s3_versioning.rego');
    expect(policies).toContain('msg := sprintf("S3 bucket %s does not enable versioning", [r.address])');
    expect(policies).not.toContain('test_bucket_without_versioning_is_denied');
  });
});
