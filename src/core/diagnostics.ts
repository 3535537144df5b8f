import type { SourceRange } from './source-range.ts';

export type DiagnosticSeverity = 'error' | 'warning';

/** A snippet of source shown with a diagnostic, in Terraform's `validate -json` shape. */
export interface DiagnosticSnippet {
  context: string | null;
  code: string;
  start_line: number;
  highlight_start_offset: number;
  highlight_end_offset: number;
  values: Array<{ traversal: string; statement: string }>;
  /** For diagnostics about a function call: the function as called and its signature (Terraform's JSON shape). */
  function_call?: {
    called_as: string;
    signature?: {
      name: string;
      params: Array<{ name: string; type: unknown; is_nullable?: boolean }>;
      variadic_param?: { name: string; type: unknown; is_nullable?: boolean };
      return_type: unknown;
    };
  };
}

/**
 * One problem found by a validator, exactly in Terraform's `validate -json` diagnostic shape, so output
 * from the embedded engine and from the real CLI are interchangeable. `source`/`code` are iacpac extras
 * (omitted from Terraform-shaped JSON output).
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  summary: string;
  detail: string;
  /** The resource or data source a provider's diagnostic is about (`aws_s3_bucket.b`), as Terraform prints it. */
  address?: string;
  range?: SourceRange;
  snippet?: DiagnosticSnippet;
  /** Which engine/stage produced it: 'hcl' | 'schema' | 'reference' | 'terraform' | 'tofu' | 'policy' | ... */
  source?: string;
  /** A stable machine code, e.g. 'unsupported-argument'. */
  code?: string;
}

/** Terraform's `validate -json` document. */
export interface ValidateResult {
  format_version: '1.0';
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: Diagnostic[];
}

/** A diagnostic as Terraform prints it in `validate -json` (without iacpac's `source`/`code` extras). */
export function terraformDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const { source: _source, code: _code, ...rest } = diagnostic;
  return rest;
}

/** A validation result as Terraform's `validate -json` document (diagnostics without iacpac's extras). */
export function terraformDocument(result: ValidateResult): ValidateResult {
  return { ...result, diagnostics: result.diagnostics.map(terraformDiagnostic) };
}

export function toValidateResult(diagnostics: Diagnostic[]): ValidateResult {
  const error_count = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    format_version: '1.0',
    valid: error_count === 0,
    error_count,
    warning_count: diagnostics.length - error_count,
    diagnostics,
  };
}

/** One line per diagnostic: `Error: summary (file:line:col): detail`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.range?.filename ? ` (${d.range.filename}:${d.range.start.line}:${d.range.start.column})` : '';
  const label = d.severity === 'error' ? 'Error' : 'Warning';
  return `${label}: ${d.summary}${where}${d.detail ? `: ${d.detail.replace(/\s*\n\s*/g, ' ')}` : ''}`;
}
