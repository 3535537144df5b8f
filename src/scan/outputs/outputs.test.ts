import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../finding.ts';
import { renderJson, renderJsonl } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderSarif } from './sarif.ts';
import { countFindings, renderText } from './text.ts';

const range = { filename: 'main.tf', start: { line: 3, column: 1, byte: 20 }, end: { line: 9, column: 2, byte: 120 } };
const base: Finding = {
  policy_id: 'IACPAC_AWS_S3_001',
  severity: 'low',
  title: 'S3 bucket keeps object versions',
  message: 'S3 bucket aws_s3_bucket.b does not enable versioning',
  resource: 'aws_s3_bucket.b',
  range,
  references: { checkov: ['CKV_AWS_21'] },
  suppressed: false,
  partial: false,
};
const results: ScanResult[] = [
  {
    dir: 'infra',
    findings: [
      base,
      { ...base, policy_id: 'IACPAC_AWS_S3_016', severity: 'high', message: 'public <read> & "write"', references: { checkov: ['CKV_AWS_20'] } },
      { ...base, policy_id: 'IACPAC_AWS_S3_002', severity: 'info', suppressed: true, suppression_reason: 'log bucket' },
      { ...base, policy_id: 'ACME_X', severity: 'error', message: 'policy failed to evaluate: boom', resource: '', range: undefined, references: {} },
    ],
    errors: [],
    partial: false,
    notices: [],
    policies: 4,
    resources: 1,
  },
  { dir: 'plan.json', findings: [], errors: [{ message: 'plan.json: something' }], partial: true, notices: [], policies: 4, resources: 0 },
];

describe('countFindings', () => {
  it('counts unsuppressed findings by severity, suppressed apart', () => {
    expect(countFindings(results[0]!.findings)).toEqual({ info: 0, low: 1, medium: 0, high: 1, critical: 0, error: 1, suppressed: 1 });
  });
});

describe('renderText', () => {
  it('groups by file, shows suppressed findings with their reason and a summary', () => {
    const text = renderText(results, { color: false });
    expect(text).toContain('infra (1 resources, 4 policies)\n  main.tf (1 high, 1 low, 1 suppressed)\n    LOW      IACPAC_AWS_S3_001  aws_s3_bucket.b:3\n');
    expect(text).toContain('    INFO     IACPAC_AWS_S3_002  aws_s3_bucket.b:3  [suppressed: log bucket]');
    expect(text).toContain('  (plan) (1 error)\n    ERROR    ACME_X  -\n             policy failed to evaluate: boom');
    expect(text).toContain('plan.json (0 resources, 4 policies) [partial: not everything could be checked]\n  ERROR plan.json: something\n  no findings in what could be checked');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '3 findings: 0 critical, 1 high, 0 medium, 1 low, 0 info, 1 policy errors (+1 suppressed); 1 of 2 inputs only partly checked',
    );
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('shows notices in every result, colours only when asked, and has compact and quiet forms', () => {
    const withNotices: ScanResult[] = [
      { ...results[0]!, notices: [{ code: 'provider-not-checked', severity: 'note', message: '37 azurerm resources not checked: no policies for provider azurerm' }] },
      { dir: 'clean', findings: [], errors: [], partial: false, notices: [], policies: 4, resources: 2 },
    ];
    const text = renderText(withNotices);
    expect(text).toContain('  NOTE 37 azurerm resources not checked: no policies for provider azurerm\n');
    expect(renderText(withNotices, { color: true })).toMatch(/\x1b\[/);
    expect(renderText(withNotices, { compact: true })).not.toContain('does not enable versioning');
    const quiet = renderText(withNotices, { quiet: true });
    expect(quiet).not.toContain('clean (');
    expect(quiet).not.toContain('[suppressed');
  });
});

describe('renderJson / renderJsonl', () => {
  it('keeps the finding contract and one line per input', () => {
    const doc = JSON.parse(renderJson(results)) as { results: Array<{ dir: string; findings: Finding[] }>; summary: unknown };
    expect(doc.results[0]?.findings[0]).toEqual(base);
    expect(doc.summary).toMatchObject({ high: 1, suppressed: 1 });
    expect(renderJsonl(results).trim().split('\n').map((l) => (JSON.parse(l) as { dir: string }).dir)).toEqual(['infra', 'plan.json']);
  });
});

describe('renderJunit', () => {
  const xml = renderJunit(results);
  it('writes a suite per input with counts and escapes text', () => {
    expect(xml).toContain('<testsuites name="iacpac scan" tests="5" failures="2" errors="2" skipped="1">');
    expect(xml).toContain('<testsuite name="infra" tests="4" failures="2" errors="1" skipped="1">');
    expect(xml).toContain('<failure message="public &lt;read&gt; &amp; &quot;write&quot;" type="high">');
    expect(xml).toContain('<skipped message="log bucket"/>');
    expect(xml).toContain('<testcase name="parse" classname="plan.json">\n      <error message="plan.json: something"/>');
  });
});

describe('renderSarif', () => {
  it('maps severities to SARIF levels and suppressions to inSource suppressions', () => {
    const policy = {
      id: 'IACPAC_AWS_S3_001', title: 't', description: 'd', severity: 'low' as const, resourceTypes: ['aws_s3_bucket'],
      references: { checkov: ['CKV_AWS_21'] }, remediation: 'r', packagePath: ['a'], file: '/x', displayName: 'x', source: '', builtin: true,
    };
    const log = JSON.parse(renderSarif(results, [policy], { toolVersion: '0.1.0' })) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: Record<string, unknown> }> } }; results: Array<Record<string, unknown>> }>;
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'IACPAC_AWS_S3_001',
      properties: { 'security-severity': '3.0', tags: ['security', 'terraform', 'severity:low', 'checkov:CKV_AWS_21'] },
    });
    const withHelp = JSON.parse(renderSarif(results, [policy], { toolVersion: '1.2.3', helpUri: (p) => `https://example.test/policies.md#${p.id.toLowerCase()}` })) as typeof log;
    expect(withHelp.runs[0]!.tool.driver).toMatchObject({ version: '1.2.3', rules: [{ helpUri: 'https://example.test/policies.md#iacpac_aws_s3_001' }] });
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['IACPAC_AWS_S3_001', 'note'],
      ['IACPAC_AWS_S3_016', 'error'],
      ['IACPAC_AWS_S3_002', 'note'],
      ['ACME_X', 'error'],
    ]);
    expect(run.results[0]).toMatchObject({
      ruleIndex: 0,
      locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/main.tf' }, region: { startLine: 3, startColumn: 1, endLine: 9, endColumn: 2 } } }],
    });
    expect(run.results[2]?.suppressions).toEqual([{ kind: 'inSource', justification: 'log bucket' }]);
    // Stable fingerprints: the same policy on the same resource in the same file, wherever its line is.
    const fp = (r: Record<string, unknown> | undefined) => (r?.partialFingerprints as Record<string, string>)['iacpacFinding/v1'];
    expect(fp(run.results[0])).toMatch(/^[0-9a-f]{32}$/);
    const moved = JSON.parse(renderSarif([{ ...results[0]!, findings: [{ ...base, range: { ...range, start: { ...range.start, line: 40 } } }] }], [policy], { toolVersion: '0.1.0' })) as typeof log;
    expect(fp(moved.runs[0]!.results[0])).toBe(fp(run.results[0]));
    expect(fp(run.results[1])).not.toBe(fp(run.results[0]));
  });
});
