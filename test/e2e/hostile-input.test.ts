/**
 * Hostile and large input: each bound iacpac applies while reading a configuration, with the repro that found it.
 * Every bound stops the command with exit 2 and one line naming the bound and the variable that raises it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { LimitError } from '../../src/core/limits.ts';
import { loadConfiguration } from '../../src/terraform/load-module.ts';
import { iacpac, plainEnv } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function dir(files: Record<string, string>): string {
  const path = join(work, `case-${counter++}`);
  mkdirSync(path);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}

/** `count` lines of `resource "terraform_data" "<prefix><i>" {}`. */
const resources = (prefix: string, count: number): string => Array.from({ length: count }, (_, i) => `resource "terraform_data" "${prefix}${i}" {}\n`).join('');

/** A 4.6 MB file of S3 buckets (under the per-file bound). */
const bigFile = (i: number): string => {
  const block = `resource "aws_s3_bucket" "b${i}_N" {\n  bucket = "x"\n}\n`;
  return Array.from({ length: Math.ceil(4_600_000 / block.length) }, (_, n) => block.replace('N', String(n))).join('');
};

/** Runs the CLI and checks the one-line exit-2 contract; returns the line. */
async function refused(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const run = await iacpac(args, { env: plainEnv(env), timeoutMs: 240_000 });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  return lines[0]!;
}

describe('bounds on what one configuration may read', { timeout: 300_000 }, () => {
  it('refuses 50 MB in 11 files under the per-file bound: the total per configuration is bounded', async () => {
    const files = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${String(i).padStart(2, '0')}.tf`, bigFile(i)]));
    const path = dir(files);
    expect(await refused(['validate', path])).toMatch(
      /^iacpac: f03\.tf: with this file the configuration's files add up to 18\.9 MiB, over the 16 MiB limit; set IACPAC_MAX_CONFIGURATION_BYTES to raise it$/,
    );
    // The same bound in every command that loads a configuration, and it can be raised.
    expect(await refused(['scan', path])).toContain('over the 16 MiB limit; set IACPAC_MAX_CONFIGURATION_BYTES to raise it');
    const error = await loadConfiguration(path, { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    // The variable sets the bound both ways: 1 KiB refuses two small files, the default reads them.
    const small = dir({ 'a.tf': resources('a', 20), 'b.tf': resources('b', 20), 'terraform.tfvars': 'x = 1\n' });
    process.env.IACPAC_MAX_CONFIGURATION_BYTES = '1KiB';
    try {
      await expect(loadConfiguration(small, { env: {} })).rejects.toThrow(/^b\.tf: with this file the configuration's files add up to 1\.\d KiB, over the 1 KiB limit; set IACPAC_MAX_CONFIGURATION_BYTES to raise it$/);
    } finally {
      delete process.env.IACPAC_MAX_CONFIGURATION_BYTES;
    }
    expect((await loadConfiguration(small, { env: {} })).root.resources).toHaveLength(40);
  });

  it('refuses a 4.8 MB heredoc before HCL sees it (it ran out of memory: exit 13 with a goroutine dump)', async () => {
    const line = `${'y'.repeat(99)}\n`;
    const path = dir({ 'main.tf': `locals {\n  doc = <<EOT\n${line.repeat(48_000)}EOT\n}\n` });
    expect(await refused(['validate', path])).toBe('iacpac: main.tf:2:9: the heredoc <<EOT is 4.6 MiB, over the 1 MiB limit; set IACPAC_MAX_HEREDOC_BYTES to raise it');
  });

  it('stops the HCL parser on an unterminated 100k-line heredoc when its time is up, and parses the next file', async () => {
    // 0.5 MB; Terraform itself takes minutes of CPU on it. The bound is lowered so the test is quick.
    const path = dir({ 'main.tf': `locals {\n  x = <<EOT\n${Array.from({ length: 100_000 }, (_, i) => `l${i % 1000}`).join('\n')}\n` });
    const started = Date.now();
    const message = await refused(['validate', path], { IACPAC_PARSE_TIMEOUT_MS: '2000' });
    expect(message).toMatch(/^iacpac: main\.tf: HashiCorp's HCL syntax check of this 477\.6 KiB file did not finish within 11\.6 s, over the 2 s \+ 20 ms per KiB limit; set IACPAC_PARSE_TIMEOUT_MS to raise it$/);
    expect(Date.now() - started).toBeLessThan(60_000);

    process.env.IACPAC_PARSE_TIMEOUT_MS = '500';
    try {
      const error = await loadConfiguration(path, { env: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LimitError);
    } finally {
      delete process.env.IACPAC_PARSE_TIMEOUT_MS;
    }
    // The stopped parser was replaced: the next configuration parses (and reports real syntax errors) as usual.
    const next = await loadConfiguration(dir({ 'main.tf': 'locals {\n  a = \n}\n' }), { env: {} });
    expect(next.diagnostics.map((d) => d.summary)).toEqual(['Invalid expression']);
  });

  it('reads at most the per-file bound from a device given as --var-file', async () => {
    const path = dir({ 'main.tf': 'variable "a" {\n  type = string\n}\n' });
    expect(await refused(['scan', path, '--var-file', '/dev/zero'])).toBe('iacpac: /dev/zero: more than 5 MiB could be read from it, over the 5 MiB limit; set IACPAC_MAX_FILE_BYTES to raise it');
  });

  it('names the per-file bound and how to raise it', async () => {
    const path = dir({ 'big.tf': bigFile(0) + bigFile(1) });
    expect(await refused(['validate', path])).toBe('iacpac: big.tf: file is 9.4 MiB, over the 5 MiB limit; split it or remove it from the directory, or set IACPAC_MAX_FILE_BYTES to raise it');
    const error = await loadConfiguration(path, { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
  });

  it('validate does not read terraform.tfvars (it needs no values); scan does', async () => {
    // A 4.9 MB terraform.tfvars cost validate 2.7 GB. Here it is binary, so reading it at all would be an error.
    const path = dir({ 'main.tf': 'variable "a" {\n  type = string\n  default = "x"\n}\n', 'terraform.tfvars': `a = "${'\u0000'.repeat(1000)}"\n`, 'x.auto.tfvars': '\u0000' });
    const run = await iacpac(['validate', path], { env: plainEnv() });
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, 'Success! The configuration is valid.', '']);
    expect(await refused(['scan', path])).toMatch(/^iacpac: terraform\.tfvars: binary file \(NUL byte at offset 5\)/);
  });

  it('rejects a malformed bound setting with one line', async () => {
    const path = dir({ 'main.tf': resources('r', 1) });
    expect(await refused(['validate', path], { IACPAC_MAX_FILE_BYTES: 'lots' })).toBe('iacpac: IACPAC_MAX_FILE_BYTES=lots: expected a whole number of bytes (or with KiB, MiB, GiB)');
  });
});

/** A chain of `levels` local modules, each calling the next with `count` (and holding one resource). */
function moduleChain(levels: number, count: number): string {
  const root = dir({ 'main.tf': `module "m" {\n  source = "./m0"\n  count = ${count}\n}\n` });
  for (let i = 0; i < levels; i++) {
    mkdirSync(join(root, `m${i}`));
    const next = i === levels - 1 ? '' : `module "next" {\n  source = "../m${i + 1}"\n  count = ${count}\n}\n`;
    writeFileSync(join(root, `m${i}`, 'main.tf'), `resource "terraform_data" "r" {}\n${next}`);
  }
  return root;
}

describe('bounds on what one plan may expand, the same in plan, scan and check', { timeout: 600_000 }, () => {
  it('stops modules nested with count = 2 at the module instance bound (scan and check kept expanding: 4.2 GB)', async () => {
    const path = moduleChain(14, 2);
    const env = { IACPAC_MAX_MODULE_INSTANCES: '1000' };
    const line = 'iacpac: m12/main.tf:2:1: expanding module.next would make 1,001 module instances in this plan, over the 1,000 limit; set IACPAC_MAX_MODULE_INSTANCES to raise it';
    for (const command of ['plan', 'scan', 'check']) expect(await refused([command, path], env), command).toBe(line);
  });

  it('stops module instances nested deeper than the depth bound', async () => {
    const path = moduleChain(8, 1);
    const line = 'iacpac: m4/main.tf:2:1: module.next is nested 6 module instances deep in this plan, over the 5 limit; set IACPAC_MAX_MODULE_DEPTH to raise it';
    for (const command of ['plan', 'scan', 'check']) expect(await refused([command, path], { IACPAC_MAX_MODULE_DEPTH: '5' }), command).toBe(line);
  });

  it('builds toset() and distinct() of 40k strings in linear time; for_each over them stops at the instance cap', async () => {
    // 40k strings took 13 s (quadratic); 200k would take many minutes that way, and takes well under a second now.
    const names = Array.from({ length: 200_000 }, (_, i) => `"n${i % 100_000}"`).join(', ');
    const path = dir({
      'main.tf': `locals {\n  names = [${names}]\n}\noutput "distinct" {\n  value = length(distinct(local.names))\n}\noutput "set" {\n  value = length(toset(local.names))\n}\nresource "terraform_data" "each" {\n  for_each = toset(slice(local.names, 0, 40000))\n}\n`,
    });
    const run = await iacpac(['plan', path, '--format', 'json'], { env: plainEnv(), timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('Invalid for_each argument');
    expect(run.stderr).toContain('The "for_each" value has 40000 elements; iacpac plans at most 10000 instances of one resource.');
  });
});

describe('large configurations do not crash', { timeout: 600_000 }, () => {
  it('validates ~130k resources (the validator spread them into one call: Maximum call stack size exceeded)', async () => {
    const path = dir({ 'a.tf': resources('a', 65_000), 'b.tf': resources('b', 65_000) });
    const run = await iacpac(['validate', path], { env: plainEnv(), timeoutMs: 600_000 });
    expect(run.stderr).toBe('');
    expect([run.code, run.stdout.trim()]).toEqual([0, 'Success! The configuration is valid.']);
  });
});
