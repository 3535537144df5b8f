// npm run conformance -- <cases-dir> [--folder name]... [--failures] [--json out.json]
// Runs OPA's YAML conformance cases on the embedded Rego engine; prints a per-folder table and
// `N passed, M failed, K skipped`.
import { writeFileSync } from 'node:fs';
import { runConformance, summarize } from '../src/rego/conformance.ts';
import { logger } from '../src/core/logger.ts';

const args = process.argv.slice(2);
const folders: string[] = [];
let dir = '../shared/data/opa-conformance/v1';
let showFailures = false;
let json: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--folder') folders.push(args[++i]!);
  else if (a === '--failures') showFailures = true;
  else if (a === '--json') json = args[++i]!;
  else dir = a;
}
const t0 = performance.now();
const results = runConformance(dir, folders.length ? (f) => folders.includes(f) : undefined);
const ms = performance.now() - t0;
const { table, line } = summarize(results);
logger.out(table);
if (showFailures) for (const r of results) if (r.status === 'fail') logger.out(`FAIL ${r.note}: ${r.reason ?? ''}`);
if (json) writeFileSync(json, JSON.stringify(results, null, 1));
logger.out(`time: ${(ms / 1000).toFixed(2)} s`);
logger.out(line);
