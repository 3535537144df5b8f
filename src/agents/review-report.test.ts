import { describe, expect, it } from 'vitest';
import type { AgentFinding } from './agent-finding.ts';
import type { IterationRecord, LoopResult } from './orchestrator.ts';
import { renderReviewReport, suggestSuppressions } from './review-report.ts';

const logging: AgentFinding = {
  stage: 'security-scan',
  target: 'iac',
  blocking: true,
  id: 'IACPAC_AWS_S3_002',
  severity: 'high',
  resource: 'aws_s3_bucket.site',
  location: 'main.tf:14:1',
  message: 'S3 bucket has no server access logging',
};
const iteration = (n: number, files: Record<string, string>, findings: AgentFinding[]): IterationRecord => ({
  iteration: n,
  regenerated: { iac: true, pac: n === 1 },
  files,
  findings,
  terraformValid: true,
  stages: { 'terraform-validate': 'valid', 'security-scan': `${findings.length} finding(s) at or above high` },
  notices: n === 1 ? ['renamed "../x" to "x.tf"'] : [],
});
const result: LoopResult = {
  status: 'escalated',
  iterations: [iteration(1, { 'main.tf': 'a\nb\n' }, [logging]), iteration(2, { 'main.tf': 'a\nc\n' }, [logging])],
  openFindings: [logging],
  files: [{ path: 'main.tf', content: 'a\nc\n' }],
  best: 2,
  stop: { reason: 'max-iterations', detail: 'stopped after 2 iteration(s)' },
  retrieved: [],
};

describe('REVIEW.md', () => {
  it('suggests a suppression for a security finding the generator kept through two iterations', () => {
    expect(suggestSuppressions(result)).toEqual([
      '`# iacpac:ignore=IACPAC_AWS_S3_002 <reason>` in aws_s3_bucket.site (main.tf:14:1): the generator kept this setting after feedback, so the requirements may call for it; suppress only if they do, and write that requirement as the reason.',
    ]);
    expect(suggestSuppressions({ ...result, iterations: result.iterations.slice(1) })).toEqual([]);
  });

  it('lists open findings, the missing review, each iteration with its diff, and next steps', () => {
    const text = renderReviewReport({ task: { requirements: 'A bucket.\nNo logging needed.', regulations: 'SOC 2' }, result, maxIterations: 2 });
    expect(text).toContain(
      'The loop stopped after 2 of 2 iteration(s) (the iteration limit was reached) with 1 blocking finding(s) left. The files in this folder are iteration 2, the best verified candidate (Terraform valid, 1 security/plan finding(s), policies pass, no review verdict).',
    );
    expect(text).toContain('### Iteration 2 (final files)');
    expect(text).not.toContain('Later iterations');
    expect(text).toContain('> A bucket.\n> No logging needed.');
    expect(text).toContain('## Regulations\n\n> SOC 2');
    expect(text).toContain('| 1 | Security scan | IaC generator | main.tf:14:1 aws_s3_bucket.site | IACPAC_AWS_S3_002: S3 bucket has no server access logging |');
    expect(text).toContain('No review (the Terraform was not valid, or the reviewer gave no usable verdict).');
    expect(text).toContain('### Iteration 2 (final files)\n\nRegenerated: Terraform. Blocking findings: 1.');
    expect(text).toContain('- note: renamed "../x" to "x.tf"');
    expect(text).toContain('```diff\n--- a/main.tf\n+++ b/main.tf\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n```');
    expect(text.endsWith('machine-readable summary: `report.json`.\n')).toBe(true);
  });
});

describe('REVIEW.md when a later iteration regressed', () => {
  it('says which iteration the files are and what the later ones did', () => {
    const invalid: IterationRecord = { ...iteration(3, { 'main.tf': 'broken\n' }, [{ stage: 'terraform-validate', target: 'iac', blocking: true, message: 'Unsupported argument' }]), terraformValid: false };
    const text = renderReviewReport({
      task: { requirements: 'A bucket.' },
      result: { ...result, iterations: [...result.iterations, invalid], best: 2, stop: { reason: 'max-iterations', detail: '' } },
      maxIterations: 3,
    });
    expect(text).toContain('The files in this folder are iteration 2, the best verified candidate');
    expect(text).toContain('Later iterations were not better, so their files were not kept:\n- iteration 3: Terraform invalid (1 error(s)) (regenerated Terraform)');
  });
});
