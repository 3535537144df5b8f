/** A position in a source file, 1-based line and column, 0-based byte offset (Terraform's `validate -json` convention). */
export interface SourcePos {
  line: number;
  column: number;
  byte: number;
}

/** A source range in Terraform's JSON diagnostic shape. `filename` is relative to the directory being analysed. */
export interface SourceRange {
  filename: string;
  start: SourcePos;
  end: SourcePos;
}

export function formatRange(range: SourceRange | undefined): string {
  if (!range) return '';
  return `${range.filename}:${range.start.line}:${range.start.column}`;
}
