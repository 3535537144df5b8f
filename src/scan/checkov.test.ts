import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapCheckovReport } from './checkov.ts';
import { loadLibrary } from './policy-library.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8'));
const library = loadLibrary().policies;

describe('mapCheckovReport', () => {
  const result = mapCheckovReport(fixture('checkov-report.json'), 'examples/x', library);

  it('maps failed checks to findings, using our policy for cross-referenced ids', () => {
    const ssh = result.findings.find((f) => f.references.checkov?.[0] === 'CKV_AWS_24');
    expect(ssh).toMatchObject({
      policy_id: 'IACPAC_AWS_EC2_001',
      severity: 'info',
      title: 'Security group does not open SSH (22) to the internet',
      resource: 'aws_security_group.ssh',
      range: { filename: 'main.tf', start: { line: 13, column: 1, byte: 0 }, end: { line: 24, column: 1, byte: 0 } },
      suppressed: false,
      partial: false,
    });
  });

  it('keeps Checkov ids and severities for checks we do not cross-reference', () => {
    const other = result.findings.find((f) => f.policy_id === 'CKV_AWS_999');
    expect(other).toMatchObject({
      severity: 'high',
      title: 'A check the iacpac library does not cross-reference',
      resource: 'module.net.aws_vpc.main',
      range: { filename: 'modules/net/main.tf' },
    });
  });

  it('reports skipped checks as suppressed with the comment as reason', () => {
    const skipped = result.findings.filter((f) => f.suppressed);
    expect(skipped.map((f) => [f.policy_id, f.suppression_reason])).toEqual([['IACPAC_AWS_S3_006', 'events are not consumed for this bucket']]);
  });

  it('ignores passed checks and lists parsing errors', () => {
    expect(result.findings).toHaveLength(3);
    expect(result.errors).toEqual([{ message: '/tmp/insecure/broken.tf: Checkov could not parse this file', file: '/tmp/insecure/broken.tf', code: 'checkov-parse' }]);
  });

  it('reads multi-framework reports (a list) and keeps only Terraform results', () => {
    const multi = mapCheckovReport(fixture('checkov-report-multi.json'), 'x', library);
    expect(multi.findings.map((f) => [f.policy_id, f.resource])).toEqual([['IACPAC_AWS_S3_001', 'aws_s3_bucket.data']]);
  });
});

describe('checkov backend (live)', async () => {
  const { checkovAvailable, runCheckov } = await import('./checkov.ts');
  it.skipIf(!checkovAvailable())('maps a real Checkov run on the insecure e2e fixture', () => {
    const dir = join(import.meta.dirname, '..', '..', 'test', 'e2e', '__fixtures__', 'scan', 'insecure');
    const live = mapCheckovReport(runCheckov(dir), dir, library);
    expect(live.findings.some((f) => f.references.checkov?.[0] === 'CKV_AWS_24' && f.resource === 'aws_security_group.ssh')).toBe(true);
  });
});
