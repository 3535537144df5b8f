import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScanConfig } from './config-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('loadScanConfig', () => {
  it('reads settings and resolves policy_dirs against the file', () => {
    const file = write('a/.iacpac.yaml', 'severity: medium\npolicies: IACPAC_AWS_S3_*\nskip_policies: [CKV_AWS_18]\npolicy_dirs: [policies]\nformat: sarif\n');
    expect(loadScanConfig(file, [])).toEqual({
      severity: 'medium',
      policies: ['IACPAC_AWS_S3_*'],
      skip_policies: ['CKV_AWS_18'],
      policy_dirs: [join(dir, 'a', 'policies')],
      format: 'sarif',
      file,
    });
  });

  it('finds .iacpac.yaml in a scanned directory', () => {
    write('b/.iacpac.yaml', 'severity: high\n');
    expect(loadScanConfig(undefined, [join(dir, 'b')]).severity).toBe('high');
  });

  it('finds .iacpac.yml too, and refuses two config files in one directory', () => {
    write('y/.iacpac.yml', 'severity: [CRITICAL, high]\nsoft_fail: true\nllm:\n  provider: ollama\n');
    expect(loadScanConfig(undefined, [join(dir, 'y')])).toMatchObject({ severity: 'CRITICAL,high', soft_fail: true });
    write('y/.iacpac.yaml', 'severity: high\n');
    expect(() => loadScanConfig(undefined, [join(dir, 'y')])).toThrow('two config files in one directory');
  });

  it('returns {} when there is no config file', () => {
    expect(loadScanConfig(undefined, [join(dir, 'none')])).toEqual({});
  });

  it.each([
    ['unknown keys', 'severty: high\n', ": (top level): Unrecognized key(s) in object: 'severty'"],
    ['bad values', 'severity: urgent\n', ': severity: use one of info, low, medium, high, critical'],
    ['broken YAML', 'severity: [high\n', ':2:1: invalid YAML'],
  ])('rejects %s with the file name', (_name, text, message) => {
    const file = write(`c-${_name.replace(/ /g, '-')}.yaml`, text);
    expect(() => loadScanConfig(file, [])).toThrow(`${file}${message}`);
  });

  it('reports a missing explicit file', () => {
    expect(() => loadScanConfig(join(dir, 'missing.yaml'), [])).toThrow('--config');
  });
});
