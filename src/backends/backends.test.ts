import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../core/errors.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import { assertNoExec, execFindings } from './exec-guard.ts';
import { findBinary, requireBinary } from './find-binary.ts';
import { offlineOverrideFiles } from './offline-overrides.ts';
import { runCommand } from './run-command.ts';
import { copyToTempDir, removeTempDir } from './temp-copy.ts';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-backend-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('findBinary / requireBinary', () => {
  it('finds an executable on the given PATH and ignores non-executables', () => {
    const dir = folder({ terraform: '#!/bin/sh\n', tofu: 'not executable' });
    chmodSync(join(dir, 'terraform'), 0o755);
    expect(findBinary('terraform', `/nonexistent:${dir}`)).toBe(join(dir, 'terraform'));
    expect(findBinary('tofu', dir)).toBeUndefined();
  });

  it('says how to proceed when the binary is missing', () => {
    expect(() => requireBinary('tofu', '/nonexistent')).toThrow(InputError);
    expect(() => requireBinary('tofu', '/nonexistent')).toThrow('tofu was not found on PATH; install it, or use --engine embedded (the default, no binary needed)');
  });
});

describe('runCommand', () => {
  it('captures output and exit code', async () => {
    const result = await runCommand(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'], { cwd: tmpdir() });
    expect(result).toMatchObject({ code: 3, stdout: 'out', stderr: 'err', timedOut: false });
  });

  it('kills a command that runs past its timeout', async () => {
    const result = await runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { cwd: tmpdir(), timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
  });
});

describe('copyToTempDir', () => {
  it('copies configuration files and modules but not .terraform, lock or state files', () => {
    const dir = folder({
      'main.tf': 'locals {}\n',
      'modules/a/main.tf': 'locals {}\n',
      '.terraform/providers/x': 'binary',
      '.terraform.lock.hcl': '# lock\n',
      'terraform.tfstate': '{}',
    });
    symlinkSync('main.tf', join(dir, 'link.tf'));
    const copy = copyToTempDir(dir);
    expect(readFileSync(join(copy, 'main.tf'), 'utf8')).toBe('locals {}\n');
    expect(existsSync(join(copy, 'modules/a/main.tf'))).toBe(true);
    expect(existsSync(join(copy, 'link.tf'))).toBe(true);
    for (const name of ['.terraform', '.terraform.lock.hcl', 'terraform.tfstate']) expect(existsSync(join(copy, name))).toBe(false);
    removeTempDir(copy);
    expect(existsSync(copy)).toBe(false);
  });
});

describe('offlineOverrideFiles', () => {
  it('declares an offline aws provider when the configuration has none', () => {
    const files = offlineOverrideFiles('resource "aws_s3_bucket" "b" {}\n');
    expect(Object.keys(files)).toEqual(['offline_provider.tf']);
    expect(files['offline_provider.tf']).toBe(
      'provider "aws" {\n  region = "us-east-1"\n  access_key = "AKIAMOCKMOCKMOCKMOCK"\n  secret_key = "mock_secret_key"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n  skip_region_validation = true\n  max_retries = 1\n}\n',
    );
  });

  it('overrides each aws provider block, keeping aliases (nested blocks and other providers ignored)', () => {
    const files = offlineOverrideFiles(
      'provider "aws" {\n  region = "us-east-1"\n  default_tags {\n    tags = { alias = "no" }\n  }\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\nprovider "google" {\n  alias = "g"\n}\n',
    );
    expect(Object.keys(files)).toEqual(['offline_override.tf']);
    expect(files['offline_override.tf']?.match(/^provider "aws" \{$/gm)).toHaveLength(2);
    expect(files['offline_override.tf']?.match(/alias/g)).toEqual(['alias']);
    expect(files['offline_override.tf']).toContain('provider "aws" {\n  alias = "west"\n  access_key = "AKIAMOCKMOCKMOCKMOCK"\n');
  });
});

describe('exec guard', () => {
  it('lists external data sources and provisioners and refuses them without --allow-exec', async () => {
    const dir = folder({
      'main.tf':
        'data "external" "e" {\n  program = ["sh"]\n}\nresource "null_resource" "n" {\n  provisioner "local-exec" {\n    command = "echo"\n  }\n}\n',
    });
    const config = await loadConfiguration(dir, { env: {} });
    expect(execFindings(config)).toEqual(['data "external" "e" (main.tf:1)', 'provisioner "local-exec" in null_resource.n (main.tf:5)']);
    expect(() => assertNoExec(config, false, 'x')).toThrow(UsageError);
    expect(() => assertNoExec(config, false, 'x')).toThrow(/pass --allow-exec to run it with the real CLI$/);
    expect(() => assertNoExec(config, true, 'x')).not.toThrow();
  });
});
