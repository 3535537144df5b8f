import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinary } from '../../src/backends/find-binary.ts';
import { iacpac as runIacpac } from '../helpers/cli.ts';

/** `iacpac validate` end to end: formats, exit codes (0 valid, 1 invalid, 2 usage/input error) and bad input. */

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'src', 'validate', '__fixtures__', 'terraform');
const work = mkdtempSync(join(tmpdir(), 'iacpac-validate-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const iacpac = (...args: string[]) => runIacpac(args, { env: { ...process.env, NO_COLOR: '1' } });

let counter = 0;
function dir(files: Record<string, string | Uint8Array>, setup?: (path: string) => void): string {
  const path = join(work, `case-${counter++}`);
  mkdirSync(path);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(path, name, '..'), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  setup?.(path);
  return path;
}

const VALID = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';

describe('iacpac validate formats and exit codes', () => {
  it('prints Terraform-style text and exits 1 for an invalid configuration', async () => {
    const { code, stdout } = await iacpac('validate', join(FIXTURES, 'unsupported_arg'));
    expect(code).toBe(1);
    expect(stdout).toContain('│ Error: Unsupported argument\n│\n│   on main.tf line 3, in resource "aws_instance" "web":\n│    3:   instance_typo = "t2.micro"\n│\n│ An argument named "instance_typo" is not expected here. Did you mean "instance_type"?\n╵');
  }, 120_000);

  it('prints the success line and exits 0 for a valid configuration', async () => {
    const { code, stdout } = await iacpac('validate', dir({ 'main.tf': VALID }));
    expect(code).toBe(0);
    expect(stdout).toBe('Success! The configuration is valid.\n');
  }, 120_000);

  it('prints exactly the terraform validate -json document with --format json', async () => {
    const { code, stdout } = await iacpac('validate', '--format', 'json', join(FIXTURES, 'missing_req'));
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as Record<string, unknown> & { diagnostics: Array<Record<string, unknown>> };
    const terraform = JSON.parse(readFileSync(join(FIXTURES, 'missing_req', 'terraform-validate.json'), 'utf8')) as typeof doc;
    expect(Object.keys(doc)).toEqual(['format_version', 'valid', 'error_count', 'warning_count', 'diagnostics']);
    expect({ ...doc, diagnostics: undefined }).toEqual({ ...terraform, diagnostics: undefined });
    expect(doc.diagnostics).toEqual(terraform.diagnostics);
  }, 120_000);

  it('prints one JSON line per directory with --format jsonl', async () => {
    const valid = dir({ 'main.tf': VALID });
    const invalid = join(FIXTURES, 'count_foreach');
    const { code, stdout } = await iacpac('validate', '--format', 'jsonl', valid, invalid);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { dir: valid, valid: true, error_count: 0, warning_count: 0, diagnostics: [] },
      expect.objectContaining({ dir: invalid, valid: false, error_count: 1, warning_count: 0 }),
    ]);
    expect((lines[1]?.diagnostics as Array<{ summary: string }>)[0]?.summary).toBe('Invalid combination of "count" and "for_each"');
  }, 120_000);

  it('takes extra provider schemas with --schema', async () => {
    const schema = join(work, 'acme-schema.json');
    writeFileSync(
      schema,
      JSON.stringify({
        format_version: '1.0',
        provider_schemas: {
          'registry.terraform.io/acme/widgets': {
            resource_schemas: { widgets_thing: { version: 0, block: { attributes: { name: { type: 'string', required: true } } } } },
          },
        },
      }),
    );
    const config = dir({
      'main.tf': 'terraform {\n  required_providers {\n    widgets = { source = "acme/widgets" }\n  }\n}\nresource "widgets_thing" "t" {\n  nme = "x"\n}\n',
    });
    const without = await iacpac('validate', '--format', 'jsonl', config);
    expect(without.code).toBe(0);
    expect(JSON.parse(without.stdout).diagnostics[0].summary).toBe('Provider schema not available');
    const withSchema = await iacpac('validate', '--format', 'jsonl', '--schema', schema, config);
    expect(withSchema.code).toBe(1);
    expect(JSON.parse(withSchema.stdout).diagnostics.map((d: { detail: string }) => d.detail)).toEqual([
      'The argument "name" is required, but no definition was found.',
      'An argument named "nme" is not expected here. Did you mean "name"?',
    ]);
  }, 120_000);

  it.each([
    ['an unknown format', ['--format', 'xml'], /option '--format <format>' argument 'xml' is invalid/],
    ['json with several directories', ['--format', 'json', '.', '.'], /--format json prints one Terraform document; use --format jsonl for several directories/],
    ['a missing --schema file', ['--schema', '/nonexistent/s.json', '.'], /cannot read schema file \/nonexistent\/s\.json: ENOENT/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const { code, stderr } = await iacpac('validate', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  }, 120_000);
});

const tenMegabytes = (): string => VALID.repeat(Math.ceil((10 * 1024 * 1024) / VALID.length));

describe('bad input: one clear line and exit 2, never a crash or a hang', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a nonexistent path', () => join(work, 'nope'), /^iacpac: .*nope: no such file or directory.*\n$/],
    ['an empty directory', () => dir({}), /^iacpac: .*: no Terraform configuration files \(\*\.tf or \*\.tf\.json\) here or in any subdirectory\n$/],
    ['a binary file named x.tf', () => dir({ 'x.tf': Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]) }), /^iacpac: x\.tf: binary file .*\n$/],
    ['invalid UTF-8', () => dir({ 'main.tf': Uint8Array.from([...Buffer.from('locals {\n  a = "caf'), 0xe9, ...Buffer.from('"\n}\n')]) }), /^iacpac: main\.tf:2:11: Invalid character encoding.*\n$/],
    ['a 10 MB file', () => dir({ 'big.tf': tenMegabytes() }), /^iacpac: big\.tf: file is 10 MiB, over the 5 MiB limit.*\n$/],
    ['10,000 nested brackets', () => dir({ 'main.tf': `locals {\n  x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n` }), /^iacpac: main\.tf:2:\d+: Nesting too deep: .*\n$/],
    [
      'a symlink loop',
      () => dir({}, (path) => {
        symlinkSync(join(path, 'b.tf'), join(path, 'a.tf'));
        symlinkSync(join(path, 'a.tf'), join(path, 'b.tf'));
      }),
      /^iacpac: .*a\.tf: too many levels of symbolic links.*\n$/,
    ],
  ];
  it.each(cases)('%s', async (_name, makePath, message) => {
    const { code, stdout, stderr } = await iacpac('validate', makePath());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  }, 120_000);

  it('reports a module cycle as bad input: one line with where the call points back, exit 2', async () => {
    const path = dir({ 'main.tf': 'module "a" {\n  source = "./a"\n}\n', 'a/main.tf': 'module "back" {\n  source = "../"\n}\n' });
    const { code, stdout, stderr } = await iacpac('validate', '--format', 'jsonl', path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^iacpac: a\/main\.tf:2:12: module cycle: module\.a\.module\.back loads \.\/?, which one of its callers is already loading; remove the module call that points back to a calling module\n$/);
  }, 120_000);
});

describe.skipIf(!findBinary('terraform'))('--engine terraform', () => {
  it('runs the real terraform and prints its document', async () => {
    const { code, stdout } = await iacpac('validate', '--engine', 'terraform', '--plugin-dir', '/opt/tf-plugins', '--format', 'json', join(FIXTURES, 'unsupported_arg'));
    expect(code).toBe(1);
    // Terraform reports the two unsupported arguments of one body in Go map order, which changes from run to run
    // ([3, 4] or [4, 3]): compare the real tool's document with the recording in source order.
    type Doc = { diagnostics: Array<{ range?: { start: { byte: number } } }> };
    const inSourceOrder = (doc: Doc): Doc => ({ ...doc, diagnostics: [...doc.diagnostics].sort((a, b) => (a.range?.start.byte ?? 0) - (b.range?.start.byte ?? 0)) });
    const terraform = JSON.parse(readFileSync(join(FIXTURES, 'unsupported_arg', 'terraform-validate.json'), 'utf8')) as Doc;
    expect(inSourceOrder(JSON.parse(stdout) as Doc)).toEqual(inSourceOrder(terraform));
  }, 300_000);
});

describe('--engine tofu without the binary', () => {
  it.skipIf(findBinary('tofu'))('is one clear line and exit 2', async () => {
    const { code, stderr } = await iacpac('validate', '--engine', 'tofu', join(FIXTURES, 'unsupported_arg'));
    expect(code).toBe(2);
    expect(stderr).toBe('iacpac: tofu was not found on PATH; install it, or use --engine embedded (the default, no binary needed)\n');
  }, 120_000);
});
