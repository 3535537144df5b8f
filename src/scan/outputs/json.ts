import type { ScanResult } from '../finding.ts';
import { countFindings } from './text.ts';

/**
 * One JSON document: every input with its findings and errors, plus a summary of counts. Version 2: each error is an
 * object `{message, file?, range?, code?}` (version 1 had the message strings only).
 */
export function renderJson(results: readonly ScanResult[]): string {
  const findings = results.flatMap((r) => r.findings);
  return `${JSON.stringify(
    {
      version: 2,
      results: results.map((r) => ({ dir: r.dir, findings: r.findings, errors: r.errors })),
      summary: countFindings(findings),
    },
    null,
    2,
  )}\n`;
}

/** JSON Lines: one `{"dir": ..., "findings": [...], "errors": [...]}` line per scanned input. */
export function renderJsonl(results: readonly ScanResult[]): string {
  return results.map((r) => `${JSON.stringify({ dir: r.dir, findings: r.findings, errors: r.errors })}\n`).join('');
}
