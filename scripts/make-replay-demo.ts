// Writes a recorded-outputs file for `iacpac bench --model replay:<file>` from the committed mutation set:
// attempt 1 of each row is a broken variant of its reference (a dropped argument, a misspelling, an undeclared
// reference, ...), attempt 2 is the reference itself. It stands in for a model that errs and then repairs with the
// validator's feedback, so the whole pipeline (multi-attempt replay, reports, charts) runs without an LLM.
// It is synthetic: the numbers it produces describe the harness, not any model.
//
//   npx tsx scripts/make-replay-demo.ts [out.jsonl]
import { writeFileSync } from 'node:fs';
import { generateMutations } from './mutate-references.ts';
import { loadDataset } from '../src/bench/dataset.ts';
import { assetPath } from '../src/core/package-root.ts';

const out = process.argv[2] ?? 'bench/replay-demo.jsonl';
const tasks = new Map((await loadDataset(assetPath('datasets', 'iac-eval.jsonl.gz'))).map((t) => [t.index, t]));
const lines: string[] = [];
for (const mutation of await generateMutations()) {
  const task = tasks.get(mutation.index);
  const broken = mutation.files['main.tf'];
  if (!task || broken === undefined) continue;
  lines.push(JSON.stringify({ index: mutation.index, attempt: 1, output: `\`\`\`hcl\n${broken.trimEnd()}\n\`\`\`` }));
  lines.push(JSON.stringify({ index: mutation.index, attempt: 2, output: `\`\`\`hcl\n${task.referenceOutput.trimEnd()}\n\`\`\`` }));
}
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.length / 2} rows written to ${out}\n`);
