/**
 * Edits of a file's text by UTF-8 byte range (the offsets the HCL AST and Terraform diagnostics carry), so a repair
 * changes only the bytes it means to: the rest of the file (formatting, comments, blank lines) stays as written.
 */
export interface SourceEdit {
  /** File name relative to the configuration root (as in diagnostics: `main.tf`, `modules/net/main.tf`). */
  file: string;
  /** Byte offsets [start, end) of the text replaced; start === end inserts. */
  start: number;
  end: number;
  text: string;
}

/** Applies edits to one file's text (edits must not overlap; they are applied from the end backwards). */
export function applyEdits(source: string, edits: readonly SourceEdit[]): string {
  let bytes = Buffer.from(source, 'utf8');
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.end > sorted[i - 1]!.start) throw new Error(`overlapping edits in ${sorted[i]!.file} at byte ${sorted[i - 1]!.start}`);
  }
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > bytes.length) throw new Error(`edit outside ${edit.file}: bytes ${edit.start}-${edit.end} of ${bytes.length}`);
    bytes = Buffer.concat([bytes.subarray(0, edit.start), Buffer.from(edit.text, 'utf8'), bytes.subarray(edit.end)]);
  }
  return bytes.toString('utf8');
}

/** True when two edits of the same file touch the same bytes (an insertion at the edge of another edit counts). */
export function editsOverlap(a: SourceEdit, b: SourceEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end;
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** The text of bytes [start, end) of `source`. */
export function sliceBytes(source: string, start: number, end: number): string {
  return Buffer.from(source, 'utf8').subarray(start, end).toString('utf8');
}

/** Byte offsets of the whole lines covering [start, end): from the first line's start to after the last line's newline. */
export function lineSpan(source: string, start: number, end: number): [number, number] {
  const bytes = Buffer.from(source, 'utf8');
  const lineStart = start === 0 ? 0 : bytes.lastIndexOf(0x0a, start - 1) + 1;
  const newline = bytes.indexOf(0x0a, end > start ? end - 1 : end);
  return [lineStart, newline < 0 ? bytes.length : newline + 1];
}

/** The whitespace at the start of the line holding byte `offset`. */
export function indentationAt(source: string, offset: number): string {
  const bytes = Buffer.from(source, 'utf8');
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let end = lineStart;
  while (end < bytes.length && (bytes[end] === 0x20 || bytes[end] === 0x09)) end++;
  return bytes.subarray(lineStart, end).toString('utf8');
}

/**
 * True when the bytes [start, end) are alone on their lines: only whitespace before `start` on its line, and after
 * `end` only whitespace or a comment (`# ...`, `// ...`, `/* ... *\/`), so whole lines hold exactly that item (and its
 * trailing comment).
 */
export function aloneOnLines(source: string, start: number, end: number): boolean {
  const bytes = Buffer.from(source, 'utf8');
  const lineStart = start === 0 ? 0 : bytes.lastIndexOf(0x0a, start - 1) + 1;
  const before = bytes.subarray(lineStart, start).toString('utf8');
  const newline = bytes.indexOf(0x0a, end);
  const after = bytes.subarray(end, newline < 0 ? bytes.length : newline).toString('utf8');
  return before.trim() === '' && /^\s*(?:(?:#|\/\/).*|\/\*.*\*\/\s*)?$/.test(after);
}
