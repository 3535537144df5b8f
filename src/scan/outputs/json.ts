import { terraformDiagnostic } from '../../core/diagnostics.ts';
import type { ScanResult } from '../finding.ts';
import { countFindings } from './text.ts';

export interface JsonOptions {
  /** The tool version recorded in the document. */
  toolVersion?: string;
}

/** One input as JSON: the same object in `json` (inside `results`) and `jsonl` (one per line). */
function resultJson(r: ScanResult): Record<string, unknown> {
  return {
    dir: r.dir,
    partial: r.partial,
    ...(r.validation
      ? { validation: { ...r.validation, diagnostics: r.validation.diagnostics.map(terraformDiagnostic) } }
      : {}),
    findings: r.findings,
    errors: r.errors,
    notices: r.notices,
    policies: r.policies,
    resources: r.resources,
  };
}

/**
 * One JSON document for `iacpac scan` and `iacpac check` alike: every input with its findings, errors and notices
 * (plus `validation` for check), and a summary of counts. Version 2: errors are objects `{message, file?, range?, code?}`,
 * and every result has `partial` and `notices`.
 */
export function renderJson(results: readonly ScanResult[], options: JsonOptions = {}): string {
  const findings = results.flatMap((r) => r.findings);
  return `${JSON.stringify(
    {
      version: 2,
      tool: { name: 'iacpac', ...(options.toolVersion ? { version: options.toolVersion } : {}) },
      results: results.map(resultJson),
      summary: {
        ...countFindings(findings),
        inputs: results.length,
        partial: results.filter((r) => r.partial).length,
        invalid: results.filter((r) => r.validation && !r.validation.valid).length,
      },
    },
    null,
    2,
  )}\n`;
}

/** JSON Lines: one result object (the shape of `renderJson`'s `results` entries) per scanned input. */
export function renderJsonl(results: readonly ScanResult[]): string {
  return results.map((r) => `${JSON.stringify(resultJson(r))}\n`).join('');
}
