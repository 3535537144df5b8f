import { z } from 'zod';
import type { RoleModel } from '../llm/create-models.ts';
import { InvalidResponseError } from '../llm/errors/invalid-response-error.ts';
import type { ChatMessage } from '../llm/language-model.ts';
import { parseJsonReply } from '../llm/structured-output.ts';
import type { AgentFinding } from './agent-finding.ts';
import { callModel } from './call-model.ts';
import { REVIEWER_SYSTEM_PROMPT, type TaskInputs } from './prompts.ts';
import type { Trace } from './trace.ts';

const conflictSchema = z.union([
  z.object({ policy: z.string(), requirement: z.string(), explanation: z.string().default('') }),
  z.string().transform((text) => ({ policy: '', requirement: '', explanation: text })),
]);

/** The reviewer's structured verdict (step 2). */
export const reviewSchema = z.object({
  intent_score: z.number().int().min(1).max(5),
  reasons: z.array(z.string()).default([]),
  coverage_gaps: z.array(z.string()).default([]),
  conflicts: z.array(conflictSchema).default([]),
});

export type Review = z.infer<typeof reviewSchema>;

export interface ReviewInput {
  task: TaskInputs;
  terraform: ReadonlyArray<{ path: string; content: string }>;
  policies: ReadonlyArray<{ path: string; content: string }>;
  /** Compact plan summary (resource addresses, actions, planned values). */
  plan: string;
  /** One line per open step-1 finding, for context. */
  technical: string;
  references: string;
}

export const MIN_INTENT_SCORE = 4;

export function reviewUserPrompt(input: ReviewInput): string {
  const files = (list: ReviewInput['terraform'], language: string) => list.map((f) => `\`\`\`${language} file=${f.path}\n${f.content.trim()}\n\`\`\``).join('\n\n');
  return [
    '## Requirements',
    input.task.requirements.trim(),
    ...(input.task.regulations ? ['', '## Regulations', input.task.regulations.trim()] : []),
    '',
    '## Terraform',
    files(input.terraform, 'hcl') || '(none)',
    '',
    '## Policies',
    files(input.policies, 'rego') || '(none)',
    '',
    '## Plan (synthesised)',
    input.plan || '(not available)',
    '',
    '## Technical validation',
    input.technical || 'no open findings',
    ...(input.references ? ['', '## Reference', input.references] : []),
    '',
    'Return the JSON verdict.',
  ].join('\n');
}

/**
 * Step 2: asks the reviewer for `{intent_score, reasons, coverage_gaps, conflicts}` (zod-validated). An invalid reply
 * is sent back once with the exact validation problem; a second failure becomes a blocking finding.
 */
export async function runReview(roleModel: RoleModel, input: ReviewInput, trace: Trace, iteration: number): Promise<{ review?: Review; findings: AgentFinding[] }> {
  const messages: ChatMessage[] = [
    { role: 'system', content: REVIEWER_SYSTEM_PROMPT },
    { role: 'user', content: reviewUserPrompt(input) },
  ];
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await callModel(roleModel, messages, trace, iteration);
    try {
      const review = parseJsonReply(result.text, reviewSchema);
      return { review, findings: reviewFindings(review) };
    } catch (error) {
      if (!(error instanceof InvalidResponseError)) throw error;
      trace.modelFailure();
      messages.push({ role: 'assistant', content: result.text }, { role: 'user', content: `Your reply could not be used: ${error.message}. Reply with the JSON object only.` });
    }
  }
  return { findings: [{ stage: 'review', target: 'none', blocking: true, message: 'the reviewer did not return a valid verdict twice in a row' }] };
}

/** The review as findings: a low score goes to the IaC generator, gaps and conflicts to the PaC generator. */
export function reviewFindings(review: Review): AgentFinding[] {
  const findings: AgentFinding[] = [];
  if (review.intent_score < MIN_INTENT_SCORE) {
    findings.push({
      stage: 'review',
      target: 'iac',
      blocking: true,
      id: 'intent',
      message: `intent score ${review.intent_score}/5 (needs ${MIN_INTENT_SCORE}): ${review.reasons.join('; ') || 'no reasons given'}`,
    });
  }
  for (const gap of review.coverage_gaps) {
    findings.push({ stage: 'review', target: 'pac', blocking: true, id: 'coverage-gap', message: `no policy checks this requirement: ${gap}` });
  }
  for (const conflict of review.conflicts) {
    findings.push({
      stage: 'review',
      target: 'pac',
      blocking: true,
      id: 'conflict',
      message: conflict.policy
        ? `policy ${conflict.policy} contradicts the requirement "${conflict.requirement}": ${conflict.explanation}`
        : `conflict: ${conflict.explanation}`,
    });
  }
  return findings;
}
