import { ConvertContext } from '../../src/hcl/convert-context.ts';
import { decodeGoModel, FALLBACK_REASONS, goModelStatus } from '../../src/hcl/go-model.ts';
import { parseInWorker } from '../../src/hcl/hcl-syntax-worker.ts';
import { parseHclFileWithTreeSitter } from '../../src/hcl/parse.ts';
import { HCL2JSON_FILENAME } from '../../src/hcl/syntax-errors.ts';

/**
 * Whether the AST decoded from HashiCorp's parse of `source` (src/hcl/go-model.ts) is the one tree-sitter's
 * converters build: same nodes, same property order, same ranges (line, column and byte of each end) and text.
 * `rejected`: HCL finds the file invalid (it keeps tree-sitter's recovery); `fallback`: the module did not encode it.
 * Used by src/hcl/go-model.test.ts and scripts/check-go-model.ts.
 */
export type Equivalence = { kind: 'same' } | { kind: 'rejected' } | { kind: 'fallback'; reason: string } | { kind: 'different'; detail: string };

export async function goModelEquivalence(filename: string, source: string): Promise<Equivalence> {
  const outcome = await parseInWorker(HCL2JSON_FILENAME, source, 60_000, true);
  if (outcome.kind !== 'ok') return { kind: 'rejected' };
  if (!outcome.model) return { kind: 'different', detail: 'no model from the module' };
  const status = goModelStatus(outcome.model);
  if (status !== 0) return { kind: 'fallback', reason: FALLBACK_REASONS[status] ?? String(status) };
  const decoded = decodeGoModel(new ConvertContext(filename, source), outcome.model);
  const expected = await parseHclFileWithTreeSitter(filename, source);
  if (expected.syntaxErrors.length > 0) return { kind: 'different', detail: `tree-sitter reports ${expected.syntaxErrors.map((d) => d.summary).join(', ')}` };
  const got = JSON.stringify({ body: decoded.body, comments: decoded.comments });
  const want = JSON.stringify({ body: expected.body, comments: expected.comments });
  if (got === want) return { kind: 'same' };
  let at = 0;
  while (at < got.length && got[at] === want[at]) at++;
  return { kind: 'different', detail: `at ${at}:\n  go:          ${got.slice(Math.max(0, at - 300), at + 200)}\n  tree-sitter: ${want.slice(Math.max(0, at - 300), at + 200)}` };
}
