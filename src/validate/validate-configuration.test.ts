import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinary } from '../backends/find-binary.ts';
import type { Diagnostic, ValidateResult } from '../core/diagnostics.ts';
import { comparableSummary } from './diagnostic.ts';
import { validateDirectory } from './validate-directory.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'terraform');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const expected = (name: string): ValidateResult =>
  JSON.parse(readFileSync(join(FIXTURES, name, 'terraform-validate.json'), 'utf8')) as ValidateResult;

/**
 * Comparable form (the whole diagnostic, snippet included): Terraform repeats a few diagnostics (dynamic blocks are
 * evaluated twice); compare distinct ones in source order, "Cycle:" vertices as a set (comparableSummary).
 */
function normalize(diagnostics: Diagnostic[]): string[] {
  const rows = diagnostics.map((d) => {
    const snippet = d.snippet;
    const summary = comparableSummary(d.summary);
    return JSON.stringify({ severity: d.severity, summary, detail: d.detail, address: d.address, range: d.range, snippet });
  });
  return [...new Set(rows)].sort();
}

describe('embedded validator vs recorded terraform validate -json', () => {
  it.each(cases)('%s', async (name) => {
    const want = expected(name);
    const got = await validateDirectory(join(FIXTURES, name));
    expect(got.valid).toBe(want.valid);
    expect(normalize(got.diagnostics)).toEqual(normalize(want.diagnostics));
  });

  it('reports diagnostics in source order with terraform-shaped ranges', async () => {
    const got = await validateDirectory(join(FIXTURES, 'wrong_type'));
    expect(got.diagnostics.map((d) => [d.range?.start.line, d.summary])).toEqual([
      [2, 'Incorrect attribute value type'],
      [3, 'Incorrect attribute value type'],
      [4, 'Incorrect attribute value type'],
      [10, 'Incorrect attribute value type'],
      [11, 'Incorrect attribute value type'],
    ]);
    expect(got).toMatchObject({ format_version: '1.0', valid: false, error_count: 5, warning_count: 0 });
  });
});

const terraform = findBinary('terraform');
const pluginDir = '/opt/tf-plugins';

describe.skipIf(!terraform)('recorded fixtures agree with a live terraform run', () => {
  it.each(['unsupported_arg', 'missing_req', 'undeclared', 'provider_checks', 'provider_groups'])(
    '%s',
    async (name) => {
      const { validateWithCli } = await import('../backends/cli-validate.ts');
      const live = await validateWithCli(join(FIXTURES, name), { engine: 'terraform', pluginDir });
      expect(normalize(live.diagnostics)).toEqual(normalize(expected(name).diagnostics));
    },
    300_000,
  );
});

const work = mkdtempSync(join(tmpdir(), 'iacpac-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('providers without a schema', () => {
  it('stops with "Missing required provider" for an implied hashicorp provider that does not exist', async () => {
    const dir = mkdtempSync(join(work, 'case-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "awsv_pc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "s" {\n  vpc_id = aws_vpc.main.id\n}\n');
    const got = await validateDirectory(dir);
    expect(got.diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'Missing required provider',
        detail: "This configuration requires provider registry.terraform.io/hashicorp/awsv, but that provider isn't available. You may be able to install it automatically by running:\n  terraform init",
        source: 'schema',
        code: 'missing-required-provider',
      },
    ]);
  });

  it('warns once per real provider it has no schema for, and checks the built-in terraform provider', async () => {
    const dir = mkdtempSync(join(work, 'case-'));
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "google_compute_network" "n" {\n  name = "x"\n}\nresource "google_compute_subnetwork" "s" {\n  name = "y"\n}\nresource "terraform_data" "d" {\n  inputs = 1\n}\n',
    );
    const got = await validateDirectory(dir);
    expect(got.diagnostics.map((d) => [d.severity, d.summary, d.detail, d.range?.start.line])).toEqual([
      [
        'warning',
        'Provider schema not available',
        'iacpac has no schema for provider hashicorp/google, so 2 resource(s) of type "google_compute_network", "google_compute_subnetwork" were not checked. Pass the provider\'s schema with --schema <file> (the output of "terraform providers schema -json").',
        1,
      ],
      ['error', 'Unsupported argument', 'An argument named "inputs" is not expected here. Did you mean "input"?', 8],
    ]);
  });
});
