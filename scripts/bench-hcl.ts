/**
 * Measures parsing and loading speed on the 458 IaC-Eval reference outputs (needs ../shared).
 * Run: npx tsx scripts/bench-hcl.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '../src/core/logger.ts';
import { loadConfiguration } from '../src/terraform/load-module.ts';
import { parseHclFile } from '../src/hcl/parse.ts';
import { parseTree } from '../src/hcl/tree-sitter.ts';

const ROOT = join(import.meta.dirname, '..');
const rows = readFileSync(join(ROOT, '..', 'shared', 'data', 'iac-eval', 'iac-eval.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { index: number; reference_output: string });
const bytes = rows.reduce((n, r) => n + Buffer.byteLength(r.reference_output), 0);

await parseHclFile('warm.tf', 'locals {}\n');
let start = performance.now();
for (const row of rows) (await parseTree(row.reference_output)).tree.delete();
const treeSitter = performance.now() - start;

start = performance.now();
for (const row of rows) await parseHclFile(`${row.index}.tf`, row.reference_output);
const parse = performance.now() - start;

const base = mkdtempSync(join(tmpdir(), 'iacpac-measure-'));
const dirs = rows.map((row) => {
  const dir = join(base, String(row.index));
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), row.reference_output);
  return dir;
});
start = performance.now();
for (const dir of dirs) await loadConfiguration(dir, { env: {} });
const loadCached = performance.now() - start;
rmSync(base, { recursive: true, force: true });

const line = (label: string, ms: number): string => `${label}: ${ms.toFixed(0)} ms total, ${(ms / rows.length).toFixed(2)} ms/file, ${Math.round((rows.length * 1000) / ms)} files/s`;
logger.out(`${rows.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
logger.out(line('tree-sitter parse only', treeSitter));
logger.out(line('parseHclFile (tree-sitter + hcl2json + AST)', parse));
logger.out(line('loadConfiguration, second load of the same sources', loadCached));
