import { describe, expect, it } from 'vitest';
import type { AgentFinding } from './agent-finding.ts';
import { planSummary, policyName, routeConflicts } from './orchestrator.ts';

describe('policyName', () => {
  it.each([
    ['policies/s3_public.rego', 's3_public'],
    ['s3_public.rego', 's3_public'],
    ['iacpac.generated.s3_public', 's3_public'],
    ['s3_public', 's3_public'],
    ['', ''],
  ])('%j -> %j', (reference, name) => {
    expect(policyName(reference)).toBe(name);
  });
});

describe('routeConflicts', () => {
  it('sends the violations of a policy the reviewer calls contradictory to the PaC generator', () => {
    const findings: AgentFinding[] = [
      { stage: 'policy-evaluation', target: 'iac', blocking: true, id: 'policies/s3_public.rego', message: 'deny: x' },
      { stage: 'policy-evaluation', target: 'iac', blocking: true, id: 'policies/tags.rego', message: 'deny: y' },
      { stage: 'security-scan', target: 'iac', blocking: true, id: 'IACPAC_AWS_S3_001', message: 'z' },
    ];
    routeConflicts(findings, { intent_score: 5, reasons: [], coverage_gaps: [], conflicts: [{ policy: 'iacpac.generated.s3_public', requirement: 'r', explanation: 'e' }] });
    expect(findings.map((f) => f.target)).toEqual(['pac', 'iac', 'iac']);
  });
});

describe('planSummary', () => {
  it('lists resource changes with actions and planned values, bounded', () => {
    const plan = { resource_changes: [{ address: 'aws_s3_bucket.b', change: { actions: ['create'], after: { bucket: 'b' } } }] };
    expect(planSummary(plan)).toBe('aws_s3_bucket.b [create] {"bucket":"b"}');
    expect(planSummary(undefined)).toBe('');
    expect(planSummary(plan, 10)).toBe('aws_s3_buc\n... (truncated)');
  });
});
