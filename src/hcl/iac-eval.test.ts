import { parse } from '@cdktf/hcl2json';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/helpers/shared-data.ts';
import { toHcl2JsonShape } from './hcl2json-shape.ts';
import { parseHclFile } from './parse.ts';

const DATASET = sharedPath('data', 'iac-eval', 'iac-eval.jsonl');
const TERRAFORM = sharedPath('data', 'iac-eval', 'terraform-1.11.4-references.jsonl');

interface Row {
  index: number;
  reference_output: string;
}
interface TerraformRow {
  index: number;
  init_ok: boolean;
  valid: boolean | null;
  validate_diagnostics: Array<{ summary: string; detail: string; range?: { start: { line: number } } }>;
}

/** Summaries HCL's parser produces; any other Terraform error is not syntactic. */
const SYNTAX_SUMMARIES = /^(Invalid expression|Unclosed configuration block|Missing item separator|Missing attribute separator|Invalid multi-line string|Unterminated template string|Argument or block definition required|Invalid single-argument block definition|Invalid block definition|Invalid character|Invalid character encoding|Unclosed template interpolation sequence|Missing false expression in conditional|Invalid 'for' expression|Invalid escape sequence)$/;

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);

describeWithShared(['data', 'iac-eval', 'iac-eval.jsonl'], 'IaC-Eval reference outputs', () => {
  const rows = readJsonl<Row>(DATASET);
  const terraform = existsSync(TERRAFORM) ? new Map(readJsonl<TerraformRow>(TERRAFORM).map((r) => [r.index, r])) : new Map<number, TerraformRow>();

  it('all 458 parse, with syntax verdicts equal to Terraform where its errors are syntactic', async () => {
    expect(rows).toHaveLength(458);
    const disagreements: string[] = [];
    for (const row of rows) {
      const file = await parseHclFile('main.tf', row.reference_output);
      const tf = terraform.get(row.index);
      if (!tf?.init_ok) continue;
      const tfSyntax = tf.validate_diagnostics.filter((d) => SYNTAX_SUMMARIES.test(d.summary));
      const mine = file.syntaxErrors.map((d) => `${d.summary}@${d.range?.start.line}`);
      const theirs = tfSyntax.map((d) => `${d.summary}@${d.range?.start.line}`);
      if (mine.join() !== theirs.join()) disagreements.push(`${row.index}: ours [${mine}] terraform [${theirs}]`);
    }
    expect(disagreements).toEqual([]);
  }, 120_000);

  it('produce the same document as HashiCorp HCL (hcl2json) for every reference', async () => {
    const mismatches: number[] = [];
    for (const row of rows) {
      const file = await parseHclFile('main.tf', row.reference_output);
      const expected = await parse('main.tf', row.reference_output);
      try {
        expect(toHcl2JsonShape(file)).toEqual(expected);
      } catch {
        mismatches.push(row.index);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('produces no unparsed (invalid) expressions', async () => {
    const found: string[] = [];
    const walk = (value: unknown, index: number): void => {
      if (!value || typeof value !== 'object') return;
      if ((value as { kind?: string }).kind === 'invalid') found.push(`${index}: ${(value as { text: string }).text}`);
      for (const [key, child] of Object.entries(value)) if (!key.endsWith('ange')) walk(child, index);
    };
    for (const row of rows) walk((await parseHclFile('main.tf', row.reference_output)).body, row.index);
    expect(found).toEqual([]);
  }, 120_000);
});

describe('hand-written fixtures', () => {
  const names = ['expressions.tf', 'edge-cases.tf', 'crlf.tf'];
  it.each(names)('%s produces the same document as HashiCorp HCL (hcl2json)', async (name) => {
    const source = readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');
    const file = await parseHclFile(name, source);
    expect(file.syntaxErrors).toEqual([]);
    expect(toHcl2JsonShape(file)).toEqual(await parse(name, source));
  });
});
