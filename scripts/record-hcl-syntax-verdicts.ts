/**
 * Records what `@cdktf/hcl2json` 0.21.0 (the syntax check iacpac ran before the bundled assets/hcl-syntax/) says about
 * every native-syntax source of the committed HCL corpora, and about broken variants of the IaC-Eval references, as
 * src/hcl/__fixtures__/hcl2json-verdicts.jsonl.gz: `{ corpus, name, edit?, sha, verdict }`, where `verdict` is '' when
 * hcl2json parsed the source and its error text otherwise. `src/hcl/hcl-syntax-verdicts.test.ts` rebuilds each source
 * and checks that the bundled checker gives the same verdict with the same text.
 * Run: npx tsx scripts/record-hcl-syntax-verdicts.ts (deterministic; needs only the dev dependencies).
 */
import { parse } from '@cdktf/hcl2json';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../src/core/seeded-random.ts';
import { HCL2JSON_FILENAME } from '../src/hcl/syntax-errors.ts';
import { applyEdit, corpusSources, sourceSha, type SourceEdit } from '../test/helpers/hcl-corpora.ts';

/** Characters whose removal or insertion breaks HCL in the ways generated code does (and some it does not). */
const STRUCTURAL = '{}[]()"=,:<>$%.?!#/*\\\n';
const INSERTED = ['{', '}', '"', '=', '[', ']', '(', ')', ',', ':', '${', '%{', '<<EOT\n', '#', '/*', '\\', '\n', '.', '?', '...', '\t', '\u00a0', '\u0000'];

/** Three broken variants of a valid source: a structural character dropped, something inserted, the end cut off. */
function edits(source: string, next: () => number): SourceEdit[] {
  const positions: number[] = [];
  for (let i = 0; i < source.length; i++) if (STRUCTURAL.includes(source[i] ?? '')) positions.push(i);
  const pick = (n: number): number => Math.floor(next() * n);
  const out: SourceEdit[] = [];
  if (positions.length > 0) out.push({ at: positions[pick(positions.length)] ?? 0, remove: 1, insert: '' });
  out.push({ at: pick(source.length + 1), remove: 0, insert: INSERTED[pick(INSERTED.length)] ?? '' });
  const cut = pick(source.length);
  out.push({ at: cut, remove: source.length - cut, insert: '' });
  return out;
}

async function verdict(source: string): Promise<string> {
  try {
    await parse(HCL2JSON_FILENAME, source);
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const next = seededRandom(15);
const rows: string[] = [];
for (const { corpus, name, source } of corpusSources()) {
  rows.push(JSON.stringify({ corpus, name, sha: sourceSha(source), verdict: await verdict(source) }));
  if (corpus !== 'iac-eval') continue;
  for (const edit of edits(source, next)) {
    const broken = applyEdit(source, edit);
    rows.push(JSON.stringify({ corpus, name, edit, sha: sourceSha(broken), verdict: await verdict(broken) }));
  }
}
const target = join(import.meta.dirname, '..', 'src', 'hcl', '__fixtures__', 'hcl2json-verdicts.jsonl.gz');
writeFileSync(target, gzipSync(`${rows.join('\n')}\n`, { level: 9 }));
console.log(`${rows.length} verdicts (${rows.filter((r) => !r.endsWith('"verdict":""}')).length} errors) -> ${target}`);
