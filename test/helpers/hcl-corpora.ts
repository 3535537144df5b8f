import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The committed native-syntax HCL corpora: the broken files recorded against `terraform validate -json`
 * (src/hcl/__fixtures__/syntax-errors), the parser fixtures, the recorded broken variants of IaC-Eval references
 * (mutations.terraform.jsonl) and the 458 IaC-Eval reference outputs (assets/datasets/iac-eval.jsonl.gz).
 * Used by scripts/record-hcl-syntax-verdicts.ts and src/hcl/hcl-syntax-verdicts.test.ts.
 */
export interface CorpusSource {
  corpus: 'syntax-errors' | 'fixtures' | 'mutations' | 'iac-eval';
  name: string;
  source: string;
}

/** A change to a source: `remove` UTF-16 units at `at` replaced by `insert`. */
export interface SourceEdit {
  at: number;
  remove: number;
  insert: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'src', 'hcl', '__fixtures__');

const jsonl = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

const tfFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .sort();

export function corpusSources(): CorpusSource[] {
  const out: CorpusSource[] = [];
  const syntaxErrors = join(FIXTURES, 'syntax-errors');
  for (const name of tfFiles(syntaxErrors)) out.push({ corpus: 'syntax-errors', name, source: readFileSync(join(syntaxErrors, name), 'utf8') });
  for (const name of tfFiles(FIXTURES)) out.push({ corpus: 'fixtures', name, source: readFileSync(join(FIXTURES, name), 'utf8') });
  const mutations = jsonl<{ index: number; mutation: string; source: string }>(readFileSync(join(FIXTURES, 'mutations.terraform.jsonl'), 'utf8'));
  mutations.forEach((row, line) => out.push({ corpus: 'mutations', name: `${line + 1}: ${row.mutation} in #${row.index}`, source: row.source }));
  const references = jsonl<{ index: number; reference_output?: string }>(gunzipSync(readFileSync(join(ROOT, 'assets', 'datasets', 'iac-eval.jsonl.gz'))).toString('utf8'));
  for (const row of references) if (row.reference_output) out.push({ corpus: 'iac-eval', name: String(row.index), source: row.reference_output });
  return out;
}

export function applyEdit(source: string, edit: SourceEdit): string {
  return source.slice(0, edit.at) + edit.insert + source.slice(edit.at + edit.remove);
}

/** Short content hash, so a recorded verdict is never compared with a source that has changed since. */
export function sourceSha(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}
