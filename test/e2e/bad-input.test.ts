import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { loadConfiguration } from '../../src/terraform/load-module.ts';
import { iacpacSync } from '../helpers/cli.ts';

/**
 * Bad input never crashes or hangs the loader: input iacpac cannot analyse is one InputError line
 * (the CLI prints it and exits 2); problems inside a configuration are diagnostics.
 */

const work = mkdtempSync(join(tmpdir(), 'iacpac-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A fresh directory holding `files` (name → content, or a function creating entries in the directory). */
function dir(files: Record<string, string | Uint8Array>, setup?: (path: string) => void): string {
  const path = join(work, `case-${counter++}`);
  mkdirSync(path);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  setup?.(path);
  return path;
}

const tenMegabytes = (): string => {
  const block = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
  return block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
};

const inputErrors: Array<[string, () => string, RegExp]> = [
  ['a path that does not exist', () => join(work, 'does-not-exist'), /does-not-exist: no such file or directory$/],
  ['a file instead of a directory', () => join(dir({ 'main.tf': 'locals {}\n' }), 'main.tf'), /main\.tf: not a directory; pass the directory that holds the \.tf files$/],
  ['an empty directory', () => dir({}), /: no Terraform configuration files \(\*\.tf or \*\.tf\.json\) in this directory$/],
  ['a directory with only other files', () => dir({ 'README.md': '# x\n', 'main.tf.bak': 'locals {}\n' }), /no Terraform configuration files/],
  ['a binary file named x.tf', () => dir({ 'x.tf': Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xff, 0xfe]) }), /^x\.tf: binary file \(NUL byte at offset 7\), not Terraform source text/],
  [
    'invalid UTF-8',
    () => dir({ 'main.tf': Uint8Array.from([...Buffer.from('locals {\n  a = "caf'), 0xe9, ...Buffer.from('"\n}\n')]) }),
    /^main\.tf:2:11: Invalid character encoding: all input files must be UTF-8 encoded \(invalid byte 0xe9 at offset 19\)/,
  ],
  ['a 10 MB file', () => dir({ 'big.tf': tenMegabytes() }), /^big\.tf: file is 10 MiB, over the 5 MiB limit; split it or remove it from the directory, or set IACPAC_MAX_FILE_BYTES to raise it$/],
  ['10,000 nested brackets', () => dir({ 'main.tf': `locals {\n  x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n` }), /^main\.tf:2:\d+: Nesting too deep: /],
  ['10,000 nested blocks', () => dir({ 'main.tf': `${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}` }), /^main\.tf:\d+:\d+: Nesting too deep: /],
  [
    'a symlink loop between two .tf files',
    () => dir({}, (path) => {
      symlinkSync(join(path, 'b.tf'), join(path, 'a.tf'));
      symlinkSync(join(path, 'a.tf'), join(path, 'b.tf'));
    }),
    /a\.tf: too many levels of symbolic links \(a symlink loop\); fix or remove the link$/,
  ],
  [
    'a directory that is a symlink loop',
    () => {
      const path = join(work, `case-${counter++}`);
      symlinkSync(path, path);
      return path;
    },
    /: too many levels of symbolic links \(a symlink loop\); fix or remove the link$/,
  ],
  ['a missing --var-file', () => dir({ 'main.tf': 'variable "a" {}\n' }), /^--var-file nope\.tfvars: no such file/],
];

describe('bad input is one clear InputError', () => {
  it.each(inputErrors)('%s', async (name, makePath, message) => {
    const path = makePath();
    const options = name === 'a missing --var-file' ? { varFiles: ['nope.tfvars'], env: {} } : { env: {} };
    const error = await loadConfiguration(path, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).not.toContain('\n');
    expect((error as InputError).message).toMatch(message);
  }, 30_000);
});

describe('configuration problems are diagnostics, never crashes', () => {
  it('a module cycle through a symlinked directory is one InputError (exit 2) at the module source', async () => {
    const path = dir({ 'main.tf': 'module "self" {\n  source = "./again"\n}\n' }, (root) => symlinkSync(root, join(root, 'again')));
    const error = await loadConfiguration(path, { env: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toMatch(/^main\.tf:2:12: module cycle: module\.self loads /);
  });

  it('a module source that is a symlink loop is an unreadable module directory', async () => {
    const path = dir({ 'main.tf': 'module "loop" {\n  source = "./loop"\n}\n' }, (root) => symlinkSync(join(root, 'loop'), join(root, 'loop')));
    const config = await loadConfiguration(path, { env: {} });
    expect(config.diagnostics.map((d) => [d.summary, d.code])).toEqual([['Unreadable module directory', 'unreadable-module']]);
  });

  it('a file of random bytes without NUL bytes or invalid UTF-8 yields syntax diagnostics', async () => {
    const path = dir({ 'main.tf': '}}}} ]] "" %%{ <<< ${ ~~ \u00e9\u00e9 ?? ::\n' });
    const config = await loadConfiguration(path, { env: {} });
    expect(config.diagnostics.length).toBeGreaterThan(0);
    expect(config.diagnostics.every((d) => d.severity === 'error' && d.range?.filename === 'main.tf')).toBe(true);
  });

  it('an empty .tf file is a valid, empty configuration', async () => {
    const config = await loadConfiguration(dir({ 'main.tf': '' }), { env: {} });
    expect(config.diagnostics).toEqual([]);
    expect(config.root.resources).toEqual([]);
  });
});

describe('arguments at the top level of a file', () => {
  it('are reported in Terraform wording for native and JSON files', async () => {
    const config = await loadConfiguration(dir({ 'a.tf': 'region = "x"\n', 'b.tf.json': '{"a": "x", "b": [1, 2]}' }), { env: {} });
    expect(config.diagnostics.map((d) => [d.summary, d.detail, d.range?.filename, d.range?.start, d.range?.end])).toEqual([
      ['Unsupported argument', 'An argument named "region" is not expected here.', 'a.tf', { line: 1, column: 1, byte: 0 }, { line: 1, column: 7, byte: 6 }],
      ['Extraneous JSON object property', 'No argument or block type is named "a".', 'b.tf.json', { line: 1, column: 2, byte: 1 }, { line: 1, column: 5, byte: 4 }],
      ['Extraneous JSON object property', 'No argument or block type is named "b".', 'b.tf.json', { line: 1, column: 12, byte: 11 }, { line: 1, column: 15, byte: 14 }],
    ]);
  });
});

describe('iacpac validate on bad input (CLI)', () => {
  const cli = (args: string[]) => {
    const run = iacpacSync(args, { env: process.env, timeoutMs: 120_000 });
    return { status: run.code, stdout: run.stdout, stderr: run.stderr };
  };
  const cases: Array<[string, () => string]> = [
    ['an empty directory', () => dir({})],
    ['a binary file named x.tf', () => dir({ 'x.tf': Uint8Array.from([0x00, 0x01, 0x02]) })],
    ['a symlink loop', () => dir({}, (path) => symlinkSync(join(path, 'a.tf'), join(path, 'a.tf')))],
  ];
  it.each(cases)('%s exits 2 with one error line', (_name, makePath) => {
    const result = cli(['validate', makePath()]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^iacpac: /);
  }, 120_000);
});
