/** Rego errors with OPA's codes and `file:line:col: code: message` formatting. */
export type RegoErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_cancel_error'
  | 'eval_internal_error';

export interface RegoLocation {
  readonly file: string;
  readonly row: number;
  readonly col: number;
  /** Offsets of the start and end of the offending source in the file (UTF-16 code units), when known. */
  readonly offset?: number;
  readonly end?: number;
}

export class RegoError extends Error {
  readonly code: RegoErrorCode;
  readonly location: RegoLocation | undefined;
  /** The message without code and location. */
  readonly detail: string;
  constructor(code: RegoErrorCode, detail: string, location?: RegoLocation) {
    super(formatRegoError(code, detail, location));
    this.name = 'RegoError';
    this.code = code;
    this.detail = detail;
    this.location = location;
  }
}

export function formatRegoError(code: string, detail: string, location?: RegoLocation): string {
  if (!location) return `${code}: ${detail}`;
  // evaluation errors are located by file:row, as OPA prints them; compile errors by file:row:col
  const where = code.startsWith('eval_') ? `${location.file}:${location.row}` : `${location.file}:${location.row}:${location.col}`;
  return `${where}: ${code}: ${detail}`;
}

export class RegoSyntaxError extends RegoError {
  constructor(file: string, row: number, col: number, detail: string, span?: { offset: number; end: number }) {
    super('rego_parse_error', detail, span ? { file, row, col, offset: span.offset, end: span.end } : { file, row, col });
    this.name = 'RegoSyntaxError';
  }
}

/** Several compile errors at once (OPA reports them all). */
export class RegoCompileErrors extends Error {
  readonly errors: readonly RegoError[];
  constructor(errors: readonly RegoError[]) {
    super(errors.length === 1 ? errors[0]!.message : `${errors.length} errors occurred:\n${errors.map((e) => e.message).join('\n')}`);
    this.name = 'RegoCompileErrors';
    this.errors = errors;
  }
}
