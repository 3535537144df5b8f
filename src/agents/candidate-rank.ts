import type { AgentFinding, Stage } from './agent-finding.ts';
import type { Review } from './reviewer.ts';
import { MIN_INTENT_SCORE } from './reviewer.ts';

/** What the loop knows about one iteration's candidate (its files as verified). */
export interface RankedCandidate {
  terraformValid: boolean;
  findings: readonly AgentFinding[];
  review?: Review;
}

const TERRAFORM_STAGES: readonly Stage[] = ['terraform-validate', 'plan', 'security-scan'];
const POLICY_STAGES: readonly Stage[] = ['rego-check', 'rego-test', 'test-coverage', 'policy-evaluation'];

/**
 * The order in which candidates are preferred, most important first: the Terraform is valid; it has no blocking
 * finding of its own (validate, plan, security scan, reply format); the generated policies compile, their tests pass
 * and cover every deny rule, and they pass on the plan; the reviewer accepts it (a usable verdict with an intent score
 * of at least 4, no coverage gap, no conflict); the reviewer's intent score; fewer blocking findings in all.
 */
export function candidateRank(candidate: RankedCandidate): number[] {
  const blocking = candidate.findings.filter((f) => f.blocking);
  const terraformClean = !blocking.some((f) => TERRAFORM_STAGES.includes(f.stage) || (f.stage === 'format' && f.target === 'iac'));
  const policiesPass = !blocking.some((f) => POLICY_STAGES.includes(f.stage) || (f.stage === 'format' && f.target === 'pac'));
  const review = candidate.review;
  const accepted = !!review && review.intent_score >= MIN_INTENT_SCORE && review.coverage_gaps.length === 0 && review.conflicts.length === 0;
  return [candidate.terraformValid ? 1 : 0, terraformClean ? 1 : 0, policiesPass ? 1 : 0, accepted ? 1 : 0, review?.intent_score ?? 0, -blocking.length];
}

/** True when `a` is strictly better than `b` (on a tie the earlier candidate is kept). */
export function isBetter(a: RankedCandidate, b: RankedCandidate): boolean {
  const ra = candidateRank(a);
  const rb = candidateRank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! > rb[i]!;
  return false;
}

/** One short phrase: how far a candidate got (`Terraform invalid`, `valid, 2 security finding(s)`, ...). */
export function describeCandidate(candidate: RankedCandidate): string {
  const blocking = candidate.findings.filter((f) => f.blocking);
  const count = (stages: readonly Stage[]) => blocking.filter((f) => stages.includes(f.stage)).length;
  if (!candidate.terraformValid) {
    const errors = count(['terraform-validate']);
    return errors > 0 ? `Terraform invalid (${errors} error(s))` : 'no usable Terraform';
  }
  const parts: string[] = ['Terraform valid'];
  const terraform = count(['plan', 'security-scan']);
  parts.push(terraform === 0 ? 'no security or plan finding' : `${terraform} security/plan finding(s)`);
  const policies = count(POLICY_STAGES);
  parts.push(policies === 0 ? 'policies pass' : `${policies} policy finding(s)`);
  const review = candidate.review;
  parts.push(review ? `intent ${review.intent_score}/5${review.coverage_gaps.length + review.conflicts.length > 0 ? `, ${review.coverage_gaps.length} gap(s), ${review.conflicts.length} conflict(s)` : ''}` : 'no review verdict');
  return parts.join(', ');
}
