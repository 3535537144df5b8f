import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostics.ts';
import { parseHclFile } from './parse.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'syntax-errors');
/** Fixture names without extension, with the file name each is checked as (main.tf or main.tf.json). */
const FILES = new Map(
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .map((name) => [name.replace(/\.tf(\.json)?$/, ''), name] as const),
);
const NAMES = [...FILES.keys()].sort();
const targetName = (name: string): string => (FILES.get(name)?.endsWith('.json') ? 'main.tf.json' : 'main.tf');

const END_DIFFERS = new Set<string>();

/**
 * Terraform parses a JSON string as a bare template; iacpac asks HCL about it wrapped in a heredoc, so an
 * error at the very end of the string gets HCL's heredoc wording. Both report exactly one error there.
 */
const WORDING_DIFFERS = new Set(['json-unclosed-interpolation']);

type Comparable = Pick<Diagnostic, 'severity' | 'summary' | 'detail' | 'range'>;
const comparable = (d: Comparable): Comparable => ({ severity: d.severity, summary: d.summary, detail: d.detail, range: d.range });

async function ours(name: string): Promise<Comparable[]> {
  const file = await parseHclFile(targetName(name), readFileSync(join(FIXTURES, FILES.get(name) ?? ''), 'utf8'));
  return file.syntaxErrors.map(comparable);
}

function terraformOutput(json: string): Comparable[] {
  return (JSON.parse(json) as { diagnostics: Diagnostic[] }).diagnostics.map(comparable);
}

/**
 * Diagnostics Terraform's configuration decoder adds after the syntax errors, for what it could read of the
 * partial body; they belong to the validator (block schemas), not to the parser.
 */
const DECODER_SUMMARIES = new Set(['Unexpected "a" block', 'Extraneous label for variable']);

function expectSameAsTerraform(name: string, mine: Comparable[], terraform: Comparable[]): void {
  const syntax = terraform.filter((d) => !DECODER_SUMMARIES.has(d.summary));
  if (WORDING_DIFFERS.has(name)) {
    expect(mine.map((d) => [d.severity, d.range?.start.line])).toEqual(syntax.map((d) => [d.severity, d.range?.start.line]));
  } else if (END_DIFFERS.has(name)) {
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
  it.each(NAMES.filter((_, i) => i % 4 === 0))('%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-syntax-'));
    try {
      copyFileSync(join(FIXTURES, FILES.get(name) ?? ''), join(dir, targetName(name)));
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
