import { describe, expect, it } from 'vitest';
import type { AgentFinding } from './agent-finding.ts';
import { feedbackPrompt } from './feedback-prompt.ts';

const findings: AgentFinding[] = [
  { stage: 'security-scan', target: 'iac', blocking: true, id: 'IACPAC_AWS_S3_003', severity: 'high', resource: 'aws_s3_bucket.logs', location: 'main.tf:5:1', message: 'S3 bucket encrypts objects with KMS by default: S3 bucket aws_s3_bucket.logs has no default KMS encryption', hint: 'Add an aws_s3_bucket_server_side_encryption_configuration resource.' },
  { stage: 'terraform-validate', target: 'iac', blocking: true, severity: 'error', location: 'main.tf:7:3', message: 'Unsupported argument: An argument named "acl_x" is not expected here.' },
  { stage: 'policy-evaluation', target: 'iac', blocking: false, severity: 'warning', id: 'policies/tags.rego', message: 'warn (iacpac.generated.tags): aws_s3_bucket.logs has no tags' },
];

describe('feedbackPrompt', () => {
  it('groups blocking findings by stage in a fixed order, quoting messages, then advisories', () => {
    expect(feedbackPrompt(findings)).toMatchInlineSnapshot(`
      "Your previous files failed verification with 2 problems. Fix every problem below and reply with the complete corrected set of files (every file, in fenced code blocks named with file=<name>). Change nothing that is not needed for the fixes.

      ## terraform validate
      - [error] at main.tf:7:3: Unsupported argument: An argument named "acl_x" is not expected here.

      ## Security scan
      - [high] IACPAC_AWS_S3_003 at main.tf:5:1 on aws_s3_bucket.logs: S3 bucket encrypts objects with KMS by default: S3 bucket aws_s3_bucket.logs has no default KMS encryption
        Fix: Add an aws_s3_bucket_server_side_encryption_configuration resource.

      ## Advisory (fix if it does not conflict with the requirements)
      - [warning] policies/tags.rego: warn (iacpac.generated.tags): aws_s3_bucket.logs has no tags"
    `);
  });

  it('handles a single problem and multi-line messages', () => {
    expect(feedbackPrompt([{ stage: 'format', target: 'pac', blocking: true, message: 'Your reply contained no fenced code block.\n Reply with files.' }])).toMatchInlineSnapshot(`
      "Your previous files failed verification with 1 problem. Fix every problem below and reply with the complete corrected set of files (every file, in fenced code blocks named with file=<name>). Change nothing that is not needed for the fixes.

      ## Reply format
      - Your reply contained no fenced code block. Reply with files."
    `);
  });
});
