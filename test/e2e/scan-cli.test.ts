// End-to-end tests of `iacpac scan`: output formats, exit codes, suppressions, controls, user policies, config file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, iacpac as runIacpac } from '../helpers/cli.ts';

const fixtures = 'test/e2e/__fixtures__/scan';
const out = mkdtempSync(join(tmpdir(), 'iacpac-scan-e2e-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function hasCheckov(): boolean {
  return spawnSync('checkov', ['--version'], { encoding: 'utf8' }).status === 0;
}

const iacpac = (...args: string[]) => runIacpac(args);

interface JsonFinding {
  policy_id: string;
  severity: string;
  title: string;
  message: string;
  resource: string;
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
  references: Record<string, string[]>;
  suppressed: boolean;
  suppression_reason?: string;
  partial: boolean;
}

type ScanDocument = { version: number; results: Array<{ dir: string; findings: JsonFinding[]; errors: Array<{ message: string; file?: string; range?: JsonFinding['range']; code?: string }> }> };

describe('iacpac scan', () => {
  let json: { code: number | null; stdout: string };
  let doc: ScanDocument;
  let findings: JsonFinding[] = [];
  beforeAll(async () => {
    json = await iacpac('scan', `${fixtures}/insecure`, '--format', 'json');
    doc = JSON.parse(json.stdout) as ScanDocument;
    findings = doc.results[0]?.findings ?? [];
  }, 120_000);

  it('exits 1 when there are findings and prints the JSON contract', async () => {
    expect(json.code).toBe(1);
    expect(doc.version).toBe(2);
    expect(doc.results.map((r) => r.dir)).toEqual([`${fixtures}/insecure`]);
    const acl = findings.find((f) => f.policy_id === 'IACPAC_AWS_S3_016');
    expect(acl).toEqual({
      policy_id: 'IACPAC_AWS_S3_016',
      severity: 'high',
      title: 'S3 bucket ACL does not allow public read',
      message: 'S3 bucket aws_s3_bucket.data lets anyone on the internet list and read the bucket',
      resource: 'aws_s3_bucket.data',
      range: { filename: 'main.tf', start: { line: 2, column: 1, byte: expect.any(Number) }, end: { line: 6, column: 2, byte: expect.any(Number) } },
      references: { checkov: ['CKV_AWS_20'] },
      suppressed: false,
      partial: false,
    });
  });

  it('honours iacpac:ignore and checkov:skip comments and keeps the reasons', async () => {
    const suppressed = findings.filter((f) => f.suppressed).map((f) => [f.policy_id, f.suppression_reason]);
    expect(suppressed).toEqual([
      ['IACPAC_AWS_S3_004', 'replication is handled by the backup account'],
      ['IACPAC_AWS_S3_006', 'events are not consumed for this bucket'],
    ]);
  });

  it('prints a text report grouped by file with severity counts', async () => {
    const text = await iacpac('scan', `${fixtures}/insecure`, '--no-color');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${fixtures}/insecure (3 resources, `);
    expect(text.stdout).toMatch(/^ {2}main\.tf \(1 high, (\d+ medium, )?\d+ low, \d+ info, 2 suppressed\)$/m);
    expect(text.stdout).toMatch(/^ {4}HIGH {5}IACPAC_AWS_S3_016 {2}aws_s3_bucket\.data:2$/m);
    expect(text.stdout).toContain('[suppressed: replication is handled by the backup account]');
    const active = findings.filter((f) => !f.suppressed).length;
    expect(text.stdout).toContain(`${active} findings: 0 critical, 1 high,`);
    expect(text.stdout).toContain('(+2 suppressed)');
  });

  it('writes valid SARIF 2.1.0 with one result per finding', async () => {
    const file = join(out, 'scan.sarif');
    const run = await iacpac('scan', `${fixtures}/insecure`, `${fixtures}/real-plan.json`, '--format', 'sarif', '--output', file);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }> };
    const schema = JSON.parse(readFileSync(join(ROOT, fixtures, 'sarif-2.1.0-rtm.5.schema.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(findings.length);
    expect(JSON.stringify(sarif)).toContain('"justification":"replication is handled by the backup account"');
  });

  it('scans several inputs (directory + plan JSON) into JSON Lines, one line per input', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, `${fixtures}/real-plan.json`, '--format', 'jsonl');
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { dir: string; findings: JsonFinding[] });
    expect(lines.map((l) => l.dir)).toEqual([`${fixtures}/insecure`, `${fixtures}/real-plan.json`]);
    const planFindings = lines[1]?.findings ?? [];
    expect(planFindings.some((f) => f.resource === 'aws_s3_bucket.sample' && f.policy_id === 'IACPAC_AWS_S3_002')).toBe(true);
    expect(planFindings.every((f) => f.range === undefined)).toBe(true);
    // The versioning resource of this real plan names the bucket by a literal, not a reference: like Checkov's graph,
    // the policy does not connect the two, so the bucket is reported as unversioned.
    expect(planFindings.some((f) => f.policy_id === 'IACPAC_AWS_S3_001' && f.resource === 'aws_s3_bucket.sample')).toBe(true);
  });

  it('writes JUnit XML with a test suite per input', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--format', 'junit');
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const active = findings.filter((f) => !f.suppressed).length;
    expect(run.stdout).toContain(`<testsuite name="${fixtures}/insecure" tests="${findings.length}" failures="${active}" errors="0" skipped="2">`);
    expect(run.stdout).toContain('<skipped message="events are not consumed for this bucket"/>');
  });

  it('applies the severity threshold to output and exit code', async () => {
    const high = await iacpac('scan', `${fixtures}/insecure`, '--severity', 'high', '--format', 'json');
    expect(high.code).toBe(1);
    const ids = (JSON.parse(high.stdout) as ScanDocument).results[0]?.findings.map((f) => f.severity);
    expect(new Set(ids)).toEqual(new Set(['high']));
    expect((await iacpac('scan', `${fixtures}/insecure`, '--severity', 'critical')).code).toBe(0);
  });

  it('selects policies by id, Checkov id or glob', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--policy', 'CKV_AWS_24,IACPAC_AWS_S3_01*', '--skip-policy', 'IACPAC_AWS_S3_017', '--format', 'json');
    const ids = [...new Set((JSON.parse(run.stdout) as ScanDocument).results[0]?.findings.map((f) => f.policy_id))].sort();
    expect(ids).toEqual(['IACPAC_AWS_EC2_001', 'IACPAC_AWS_S3_016']);
  });

  it('runs user policies from --policy-dir', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--no-library', '--policy-dir', `${fixtures}/user-policies`, '--format', 'json');
    expect(run.code).toBe(1);
    const result = (JSON.parse(run.stdout) as ScanDocument).results[0];
    expect(result?.findings.map((f) => [f.policy_id, f.severity, f.resource, f.message])).toEqual([
      ['ACME_S3_OWNER', 'medium', 'aws_s3_bucket.data', 'aws_s3_bucket.data has no owner tag'],
    ]);
  });

  it('reports a user policy that does not compile as an error finding, and still runs the others', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--policy-dir', `${fixtures}/broken-policy`, '--format', 'json');
    expect(run.code).toBe(1);
    const result = (JSON.parse(run.stdout) as ScanDocument).results[0];
    expect(result?.findings.filter((f) => f.severity === 'error').map((f) => [f.policy_id, f.message])).toEqual([
      ['ACME_BROKEN', 'policy failed to compile: test/e2e/__fixtures__/scan/broken-policy/broken.rego:14:1: rego_parse_error: unexpected eof token'],
    ]);
    expect(result?.findings.some((f) => f.policy_id === 'IACPAC_AWS_S3_016')).toBe(true);
  });

  it.each([
    ['bad-metadata', 'test/e2e/__fixtures__/scan/bad-metadata/no_severity.rego:3:1: invalid policy metadata: custom.severity: Required'],
  ])('rejects a user policy with unreadable metadata (%s) with one clear line and exit 2', async (dir, message) => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--policy-dir', `${fixtures}/${dir}`);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });

  it('reads .iacpac.yaml from the scanned directory', async () => {
    const run = await iacpac('scan', `${fixtures}/configured`, '--format', 'json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ScanDocument).results[0]?.findings).toEqual([]);
  });

  it('scans what it can of a file with syntax errors and marks those findings partial', async () => {
    const run = await iacpac('scan', `${fixtures}/partial`, '--format', 'json');
    const result = (JSON.parse(run.stdout) as ScanDocument).results[0];
    expect(result?.errors[0]?.message).toContain('main.tf:12:3');
    expect(result?.errors[0]).toMatchObject({ file: 'main.tf', range: { filename: 'main.tf', start: { line: 12, column: 3 } } });
    const ssh = result?.findings.find((f) => f.policy_id === 'IACPAC_AWS_EC2_001');
    expect(ssh).toMatchObject({ resource: 'aws_security_group.broken', partial: true });
    expect(result?.findings.every((f) => f.partial)).toBe(true);
  });

  it.skipIf(hasCheckov())('explains that --scanner checkov needs Checkov on PATH (exit 2)', async () => {
    const run = await iacpac('scan', `${fixtures}/insecure`, '--scanner', 'checkov');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--scanner checkov: checkov is not on PATH');
  });

  it('exits 2 on a missing input', async () => {
    const run = await iacpac('scan', `${fixtures}/does-not-exist`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does-not-exist: no such file or directory');
  });
});
