import { describe, expect, it } from 'vitest';
import type { AgentFinding } from './agent-finding.ts';
import { candidateRank, describeCandidate, isBetter, type RankedCandidate } from './candidate-rank.ts';

const finding = (stage: AgentFinding['stage'], target: AgentFinding['target'] = 'iac'): AgentFinding => ({ stage, target, blocking: true, message: stage });
const review = (intent_score: number, gaps: string[] = []) => ({ intent_score, reasons: [], coverage_gaps: gaps, conflicts: [] });

const invalid: RankedCandidate = { terraformValid: false, findings: [finding('terraform-validate')] };
const insecure: RankedCandidate = { terraformValid: true, findings: [finding('security-scan'), finding('security-scan')], review: review(5) };
const policyFails: RankedCandidate = { terraformValid: true, findings: [finding('rego-test', 'pac')], review: review(5) };
const noVerdict: RankedCandidate = { terraformValid: true, findings: [{ stage: 'review', target: 'none', blocking: true, message: 'no verdict' }] };
const lowScore: RankedCandidate = { terraformValid: true, findings: [finding('review')], review: review(3) };
const gap: RankedCandidate = { terraformValid: true, findings: [finding('review', 'pac')], review: review(5, ['logging']) };

describe('candidate ranking', () => {
  it('prefers valid Terraform, then no Terraform findings, then passing policies, then the review', () => {
    const order = [invalid, insecure, policyFails, noVerdict, lowScore, gap];
    const sorted = [...order].sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0));
    expect(sorted).toEqual([gap, lowScore, noVerdict, policyFails, insecure, invalid]);
  });

  it('keeps the earlier of two equal candidates', () => {
    expect(isBetter({ ...insecure }, insecure)).toBe(false);
    expect(candidateRank(insecure)).toEqual([1, 0, 1, 1, 5, -2]);
  });

  it('describes how far a candidate got', () => {
    expect(describeCandidate(invalid)).toBe('Terraform invalid (1 error(s))');
    expect(describeCandidate(insecure)).toBe('Terraform valid, 2 security/plan finding(s), policies pass, intent 5/5');
    expect(describeCandidate(noVerdict)).toBe('Terraform valid, no security or plan finding, policies pass, no review verdict');
  });
});
