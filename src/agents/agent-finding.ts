/** Where a finding came from: the technical validation stages (step 1) and the review (step 2). */
export type Stage =
  | 'format'
  | 'secret'
  | 'terraform-validate'
  | 'security-scan'
  | 'plan'
  | 'rego-check'
  | 'rego-test'
  | 'test-coverage'
  | 'policy-evaluation'
  | 'review';

/** Which generator the finding is fed back to ('none': blocking, but no generator can fix it, e.g. an unusable review). */
export type Target = 'iac' | 'pac' | 'none';

/**
 * One problem the loop knows about, with the exact text the validator, scanner or Rego engine produced, so the
 * feedback sent to a generator quotes the tool verbatim. `blocking` findings keep the loop going.
 */
export interface AgentFinding {
  stage: Stage;
  target: Target;
  blocking: boolean;
  /** Exact message of the producing tool. */
  message: string;
  /** `file:line:col` relative to --out, when known. */
  location?: string;
  /** Policy id / rule / test name, when there is one. */
  id?: string;
  severity?: string;
  resource?: string;
  /** Remediation or hint (policy metadata, reviewer explanation). */
  hint?: string;
}

export const STAGE_TITLES: Record<Stage, string> = {
  format: 'Reply format',
  secret: 'Credentials in generated files',
  'terraform-validate': 'terraform validate',
  'security-scan': 'Security scan',
  plan: 'Plan synthesis',
  'rego-check': 'rego check (parse/compile)',
  'rego-test': 'rego test',
  'test-coverage': 'Policy test coverage',
  'policy-evaluation': 'Generated policies evaluated on the plan',
  review: 'Review',
};

/** A stable one-line identity of a finding (for diffs between iterations and deduplication). */
export function findingKey(finding: AgentFinding): string {
  return [finding.stage, finding.id ?? '', finding.resource ?? '', finding.location ?? '', finding.message].join('|');
}
