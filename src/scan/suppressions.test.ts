import { describe, expect, it } from 'vitest';
import type { HclFile } from '../hcl/ast.ts';
import type { Finding } from './finding.ts';
import { applySuppressions, suppressionsIn } from './suppressions.ts';

function file(comments: Array<[number, string]>): HclFile {
  return {
    filename: 'main.tf',
    source: '',
    body: { attributes: [], blocks: [], range: { filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 1, byte: 0 } } },
    syntaxErrors: [],
    comments: comments.map(([line, text]) => ({ line, text })),
  };
}

const finding: Finding = {
  policy_id: 'IACPAC_AWS_S3_001',
  severity: 'low',
  title: 't',
  message: 'm',
  resource: 'aws_s3_bucket.b',
  references: { checkov: ['CKV_AWS_21'] },
  suppressed: false,
  partial: false,
};

describe('suppressionsIn', () => {
  it.each([
    ['# iacpac:ignore=IACPAC_AWS_S3_001 not needed', { kind: 'iacpac', ids: ['IACPAC_AWS_S3_001'], reason: 'not needed' }],
    ['// iacpac:ignore=IACPAC_AWS_S3_001,IACPAC_AWS_S3_002', { kind: 'iacpac', ids: ['IACPAC_AWS_S3_001', 'IACPAC_AWS_S3_002'], reason: '' }],
    ['#checkov:skip=CKV_AWS_21:versioning handled elsewhere', { kind: 'checkov', ids: ['CKV_AWS_21'], reason: 'versioning handled elsewhere' }],
    ['# checkov:skip=CKV_AWS_21', { kind: 'checkov', ids: ['CKV_AWS_21'], reason: '' }],
    ['/* iacpac:ignore=IACPAC_AWS_* legacy bucket */', { kind: 'iacpac', ids: ['IACPAC_AWS_*'], reason: 'legacy bucket' }],
  ])('reads %s', (text, expected) => {
    expect(suppressionsIn(file([[3, text]]), 1, 5)).toEqual([{ ...expected, line: 3 }]);
  });

  it('only reads comments inside the block', () => {
    expect(suppressionsIn(file([[9, '# iacpac:ignore=X y']]), 1, 5)).toEqual([]);
  });
});

describe('applySuppressions', () => {
  it('suppresses by our id with the reason', () => {
    const out = applySuppressions(finding, suppressionsIn(file([[2, '# iacpac:ignore=IACPAC_AWS_S3_001 scratch data']]), 1, 5));
    expect(out).toMatchObject({ suppressed: true, suppression_reason: 'scratch data' });
  });

  it('suppresses by Checkov id through checkov:skip and names the comment when no reason is given', () => {
    const out = applySuppressions(finding, suppressionsIn(file([[4, '#checkov:skip=CKV_AWS_21']]), 1, 5));
    expect(out).toMatchObject({ suppressed: true, suppression_reason: 'suppressed by checkov:skip comment on line 4' });
  });

  it('leaves other findings alone', () => {
    const out = applySuppressions(finding, suppressionsIn(file([[2, '#checkov:skip=CKV_AWS_18:x'], [3, '# iacpac:ignore=IACPAC_AWS_S3_009 x']]), 1, 5));
    expect(out.suppressed).toBe(false);
  });
});

describe('trivy and tfsec ignore comments', () => {
  const withAvd: Finding = { ...finding, references: { checkov: ['CKV_AWS_21'], avd: ['AVD-AWS-0090'], tfsec: ['aws-s3-enable-versioning'] } };

  it('reads them inside the block and in the comment lines right above it, with an optional expiry', () => {
    const f = file([
      [1, '# unrelated'],
      [3, '#trivy:ignore:AVD-AWS-0090'],
      [4, '#tfsec:ignore:aws-s3-enable-versioning:exp:2099-01-01'],
      [7, '  bucket = "b" # trivy:ignore:AVD-AWS-0086'],
    ]);
    expect(suppressionsIn(f, 5, 9)).toEqual([
      { kind: 'trivy', ids: ['AVD-AWS-0090'], reason: '', line: 3 },
      { kind: 'tfsec', ids: ['aws-s3-enable-versioning'], reason: '', line: 4, expires: '2099-01-01' },
      { kind: 'trivy', ids: ['AVD-AWS-0086'], reason: '', line: 7 },
    ]);
    // a non-comment line between the comment and the block breaks the run
    expect(suppressionsIn(file([[2, '#trivy:ignore:AVD-AWS-0090']]), 5, 9)).toEqual([]);
  });

  it('suppress through the cross-references (AVD, tfsec, Checkov) or our id, until they expire', () => {
    const trivy = { kind: 'trivy' as const, ids: ['avd-aws-0090'], reason: '', line: 3 };
    expect(applySuppressions(withAvd, [trivy])).toMatchObject({ suppressed: true, suppression_kind: 'inline', suppression_reason: 'suppressed by trivy:ignore comment on line 3' });
    expect(applySuppressions(withAvd, [{ ...trivy, kind: 'tfsec', ids: ['aws-s3-enable-versioning'] }]).suppressed).toBe(true);
    expect(applySuppressions(finding, [{ ...trivy, ids: ['CKV_AWS_21'] }]).suppressed).toBe(true);
    expect(applySuppressions(finding, [trivy]).suppressed).toBe(false);
    expect(applySuppressions(withAvd, [{ ...trivy, expires: '2020-01-01' }], '2026-06-01').suppressed).toBe(false);
    expect(applySuppressions(withAvd, [{ ...trivy, expires: '2026-06-01' }], '2026-06-01').suppressed).toBe(true);
  });
});
