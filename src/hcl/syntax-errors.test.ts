import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostics.ts';
import { parseHclFile } from './parse.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'syntax-errors');
const NAMES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.tf'))
  .map((name) => name.slice(0, -3))
  .sort();

/**
 * Where the HCL inside @cdktf/hcl2json differs from the HCL inside Terraform 1.11: an unterminated
 * heredoc at end of file gets an empty range there and a one-character range in Terraform.
 */
const END_DIFFERS = new Set(['unclosed-heredoc']);

type Comparable = Pick<Diagnostic, 'severity' | 'summary' | 'detail' | 'range'>;
const comparable = (d: Comparable): Comparable => ({ severity: d.severity, summary: d.summary, detail: d.detail, range: d.range });

async function ours(name: string): Promise<Comparable[]> {
  const file = await parseHclFile('main.tf', readFileSync(join(FIXTURES, `${name}.tf`), 'utf8'));
  return file.syntaxErrors.map(comparable);
}

function terraformOutput(json: string): Comparable[] {
  return (JSON.parse(json) as { diagnostics: Diagnostic[] }).diagnostics.map(comparable);
}

function expectSameAsTerraform(name: string, mine: Comparable[], terraform: Comparable[]): void {
  // Terraform lists HCL's syntax errors first, then what it could decode from the partial body.
  const syntax = terraform.slice(0, mine.length);
  if (END_DIFFERS.has(name)) {
    expect(mine.map((d) => ({ ...d, range: d.range?.start }))).toEqual(syntax.map((d) => ({ ...d, range: d.range?.start })));
  } else {
    expect(mine).toEqual(syntax);
  }
  expect(mine.length).toBeGreaterThan(0);
}

describe('syntax errors match terraform validate -json (recorded)', () => {
  it.each(NAMES)('%s', async (name) => {
    const recorded = terraformOutput(readFileSync(join(FIXTURES, `${name}.terraform.json`), 'utf8'));
    expectSameAsTerraform(name, await ours(name), recorded);
  });

  it('reports every syntax error of the file where HCL lists several', async () => {
    expect((await ours('multiline-string')).map((d) => d.summary)).toEqual([
      'Invalid multi-line string',
      'Invalid multi-line string',
      'Invalid multi-line string',
      'Unterminated template string',
    ]);
  });
});

const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasTerraform)('syntax errors match terraform validate -json (live)', () => {
  it.each(NAMES.slice(0, 6))('%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-syntax-'));
    try {
      copyFileSync(join(FIXTURES, `${name}.tf`), join(dir, 'main.tf'));
      let output: string;
      try {
        output = execFileSync('terraform', ['validate', '-json'], { cwd: dir, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch (error) {
        output = (error as { stdout: string }).stdout;
      }
      expectSameAsTerraform(name, await ours(name), terraformOutput(output));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
