/**
 * Compares the loader's syntax errors with Terraform's on the broken variants of the validate benchmark
 * (scripts/mutate-references.ts, baseline bench/baselines/validate-mutations.jsonl). Needs ../shared.
 * Run: npx tsx scripts/hcl-compare-mutations.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonl, writeFolder, type RecordedDiagnostic } from './iac-eval-references.ts';
import { generateMutations } from './mutate-references.ts';
import { logger } from '../src/core/logger.ts';
import { loadConfiguration } from '../src/terraform/load-module.ts';
const SYNTAX = /^(Invalid expression|Unclosed configuration block|Missing item separator|Missing attribute separator|Invalid multi-line string|Unterminated template string|Argument or block definition required|Invalid single-argument block definition|Invalid block definition|Invalid character|Invalid character encoding|Unclosed template interpolation sequence|Missing false expression in conditional|Invalid 'for' expression|Invalid escape sequence|Attribute redefined|Missing newline after argument|Missing key\/value separator|Extra characters after interpolation expression|Unexpected end of template|Missing expression|Invalid attribute name|Missing name for|Extraneous JSON object property)/;
const baseline = new Map(readJsonl<{ id: string; diagnostics: RecordedDiagnostic[] }>('bench/baselines/validate-mutations.jsonl').map((r) => [r.id, r]));
const muts = await generateMutations();
let syntaxRows = 0, exact = 0, verdict = 0;
const base = mkdtempSync(join(tmpdir(), 'mc-'));
for (const m of muts) {
  const b = baseline.get(m.id); if (!b) continue;
  const tfSyntax = b.diagnostics.filter((d) => SYNTAX.test(d.summary));
  const dir = join(base, m.id); writeFolder(dir, m.files);
  const c = await loadConfiguration(dir, { env: {} });
  const ours = c.diagnostics.filter((d) => d.source === 'hcl');
  if (tfSyntax.length === 0 && ours.length === 0) continue;
  syntaxRows++;
  const key = (d: Pick<RecordedDiagnostic, 'summary' | 'detail' | 'range'>) => `${d.summary}|${d.detail}|${d.range?.filename}:${d.range?.start.byte}-${d.range?.end.byte}`;
  if ((tfSyntax.length > 0) === (ours.length > 0)) verdict++;
  if (JSON.stringify(ours.map(key)) === JSON.stringify(tfSyntax.map(key))) exact++;
  else logger.out(`${m.id}\n  ours ${JSON.stringify(ours.map(key))}\n  tf   ${JSON.stringify(tfSyntax.map(key))}`);
}
rmSync(base, { recursive: true, force: true });
logger.out(`mutations with syntax errors: ${syntaxRows}; syntax verdict agrees: ${verdict}; syntax errors identical: ${exact}`);
