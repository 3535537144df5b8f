import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyEdit, corpusSources, sourceSha, type CorpusSource, type SourceEdit } from '../../test/helpers/hcl-corpora.ts';
import { parseInWorker, type ParseOutcome } from './hcl-syntax-worker.ts';
import { HCL2JSON_FILENAME } from './syntax-errors.ts';

/**
 * The bundled syntax checker (assets/hcl-syntax/: HCL's parser alone) against what `@cdktf/hcl2json` 0.21.0 (HCL's
 * parser followed by a conversion to JSON, the check iacpac ran before) said about the same sources, recorded by
 * scripts/record-hcl-syntax-verdicts.ts: every committed native-syntax corpus and three broken variants of each
 * IaC-Eval reference. Same verdict, and for a syntax error the same text (summaries, details, ranges, order).
 */
interface Recorded {
  corpus: CorpusSource['corpus'];
  name: string;
  edit?: SourceEdit;
  sha: string;
  verdict: string;
}

const RECORDED = gunzipSync(readFileSync(join(import.meta.dirname, '__fixtures__', 'hcl2json-verdicts.jsonl.gz')))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Recorded);
const SOURCES = new Map(corpusSources().map((s) => [`${s.corpus}\0${s.name}`, s.source]));
const CORPORA: Array<CorpusSource['corpus']> = ['syntax-errors', 'fixtures', 'mutations', 'iac-eval'];

/** hcl2json failed a parsed file only when its JSON conversion failed ("convert to HCL: ..."), which is no syntax error. */
const expected = (verdict: string): ParseOutcome => (verdict.startsWith('parse config: ') ? { kind: 'error', message: verdict } : { kind: 'ok' });

describe('the bundled HCL syntax check agrees with @cdktf/hcl2json (recorded)', () => {
  it.each(CORPORA)('%s', async (corpus) => {
    const rows = RECORDED.filter((row) => row.corpus === corpus);
    const problems: string[] = [];
    for (const row of rows) {
      const base = SOURCES.get(`${row.corpus}\0${row.name}`);
      const source = base === undefined ? undefined : row.edit ? applyEdit(base, row.edit) : base;
      if (source === undefined || sourceSha(source) !== row.sha) {
        problems.push(`${row.name}: not in the corpus any more or changed since recorded (re-run scripts/record-hcl-syntax-verdicts.ts)`);
        continue;
      }
      const outcome = await parseInWorker(HCL2JSON_FILENAME, source, 60_000);
      if (!isDeepStrictEqual(outcome, expected(row.verdict))) problems.push(`${row.name}${row.edit ? ` ${JSON.stringify(row.edit)}` : ''}: ${JSON.stringify(outcome)}, recorded ${JSON.stringify(row.verdict)}`);
    }
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('covers syntax errors as well as valid files', () => {
    expect(RECORDED.filter((row) => row.verdict.startsWith('parse config: ')).length).toBeGreaterThan(1000);
    expect(RECORDED.filter((row) => row.verdict === '').length).toBeGreaterThan(700);
  });
});
