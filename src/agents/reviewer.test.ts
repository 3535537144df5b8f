import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startLlmTestServer, type LlmTestServer } from '../../test/helpers/llm-test-server.ts';
import { createRoleModels } from '../llm/create-models.ts';
import { reviewFindings, runReview, type ReviewInput } from './reviewer.ts';
import { Trace } from './trace.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-reviewer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: LlmTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const input: ReviewInput = {
  task: { requirements: 'A private bucket.' },
  terraform: [{ path: 'main.tf', content: 'resource "aws_s3_bucket" "b" {}\n' }],
  policies: [],
  plan: 'aws_s3_bucket.b [create] {}',
  technical: '',
  references: '',
};

let traces = 0;
async function review(replies: string[]) {
  server = await startLlmTestServer(replies.map((content) => ({ content })));
  const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, {}, { OPENAI_API_KEY: 'sk-test-0123456789abcdefghij' });
  const file = join(dir, `trace-${++traces}.jsonl`);
  const trace = new Trace(file, []);
  return { result: await runReview(roles.reviewer, input, trace, 1), trace, server, file };
}

describe('runReview', () => {
  it('parses the verdict and turns gaps and conflicts into findings for the PaC generator', async () => {
    const { result } = await review(['```json\n{"intent_score": 3, "reasons": ["no versioning"], "coverage_gaps": ["versioning"], "conflicts": [{"policy": "p", "requirement": "r", "explanation": "e"}]}\n```']);
    expect(result.review).toEqual({ intent_score: 3, reasons: ['no versioning'], coverage_gaps: ['versioning'], conflicts: [{ policy: 'p', requirement: 'r', explanation: 'e' }] });
    expect(result.findings.map((f) => [f.target, f.id, f.message])).toEqual([
      ['iac', 'intent', 'intent score 3/5 (needs 4): no versioning'],
      ['pac', 'coverage-gap', 'no policy checks this requirement: versioning'],
      ['pac', 'conflict', 'policy p contradicts the requirement "r": e'],
    ]);
  });

  it('sends an invalid verdict back once with the validation problem, counted as a model failure', async () => {
    const { result, trace, server } = await review(['{"intent_score": 7}', '{"intent_score": 4}']);
    expect(result.review).toEqual({ intent_score: 4, reasons: [], coverage_gaps: [], conflicts: [] });
    expect(result.findings).toEqual([]);
    expect(trace.totals.modelFailures).toBe(1);
    expect(server.requests[1]!.messages.at(-1)!.content).toBe(
      'Your reply could not be used: the JSON does not match the schema: intent_score: Number must be less than or equal to 5. Reply with the JSON object only.',
    );
  });

  it('gives up after two unusable verdicts with a blocking finding', async () => {
    const { result, trace } = await review(['looks good to me!']);
    expect(result.review).toBeUndefined();
    expect(result.findings).toEqual([{ stage: 'review', target: 'none', blocking: true, message: 'the reviewer did not return a valid verdict twice in a row' }]);
    expect(trace.totals).toMatchObject({ llmCalls: 2, modelFailures: 2 });
  });

  it('writes every call to the trace', async () => {
    const { file } = await review(['{"intent_score": 5}']);
    expect(JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1)!)).toMatchObject({ type: 'llm-call', role: 'reviewer', provider: 'openai', model: 'gpt-4o', response: '{"intent_score": 5}' });
  });
});

describe('reviewFindings', () => {
  it('is empty for a passing verdict', () => {
    expect(reviewFindings({ intent_score: 4, reasons: [], coverage_gaps: [], conflicts: [] })).toEqual([]);
  });
  it('accepts conflicts given as plain strings', () => {
    expect(reviewFindings({ intent_score: 5, reasons: [], coverage_gaps: [], conflicts: [{ policy: '', requirement: '', explanation: 'x' }] })[0]?.message).toBe('conflict: x');
  });
});
