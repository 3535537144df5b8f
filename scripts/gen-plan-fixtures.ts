// Copies a subset of the real IaC-Eval reference plans into src/plan/__fixtures__/iac-eval/<index>.json.gz
// ({index, main_tf, plan}) for the plan synthesizer's regression test: every N-th row (default every 8th)
// of those Terraform planned, so the subset spans the dataset without choosing by outcome.
//
//   npx tsx scripts/gen-plan-fixtures.ts [--every 8]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { logger } from '../src/core/logger.ts';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'data', 'iac-eval');
const everyIndex = process.argv.indexOf('--every');
const every = everyIndex >= 0 ? Number(process.argv[everyIndex + 1]) : 8;
const out = join(root, 'src', 'plan', '__fixtures__', 'iac-eval');
mkdirSync(out, { recursive: true });

const rows = readFileSync(join(shared, 'iac-eval.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { index: number; reference_output: string })
  .filter((r) => existsSync(join(shared, 'terraform-plans', `${r.index}.json`)))
  .sort((a, b) => a.index - b.index);
let written = 0;
rows.forEach((row, i) => {
  if (i % every !== 0) return;
  const plan = JSON.parse(readFileSync(join(shared, 'terraform-plans', `${row.index}.json`), 'utf8'));
  writeFileSync(join(out, `${row.index}.json.gz`), gzipSync(JSON.stringify({ index: row.index, main_tf: row.reference_output, plan })));
  written++;
});
logger.out(`${written} fixtures -> ${out}`);
