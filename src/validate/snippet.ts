import type { Diagnostic, DiagnosticSnippet } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { HclFile } from '../hcl/ast.ts';
import type { ValidatorDiagnostic } from './diagnostic.ts';

/** A source file indexed for snippets: its UTF-8 bytes and top-level blocks. */
interface IndexedFile {
  bytes: Buffer;
  file: HclFile;
}

/**
 * Adds Terraform's `snippet` to each diagnostic with a range, as `terraform validate -json` builds it:
 * `context` is the header of the top-level block holding the byte before the highlight, `code` the whole
 * source lines covering the highlight (widened by the diagnostic's expression context), offsets in bytes.
 */
export function attachSnippets(diagnostics: ValidatorDiagnostic[], files: readonly HclFile[]): Diagnostic[] {
  const byName = new Map<string, IndexedFile>();
  for (const file of files) byName.set(file.filename, { bytes: Buffer.from(file.source, 'utf8'), file });
  return diagnostics.map((diagnostic) => {
    const { context, functionCall, values, sortAt: _sortAt, ...rest } = diagnostic;
    const out: Diagnostic = rest;
    const indexed = diagnostic.range ? byName.get(diagnostic.range.filename) : undefined;
    if (indexed && diagnostic.range && !out.snippet) {
      out.snippet = snippetFor(indexed, diagnostic.range, context);
      if (values) out.snippet.values = values;
      if (functionCall) out.snippet.function_call = functionCall;
    }
    return out;
  });
}

function snippetFor(indexed: IndexedFile, subject: SourceRange, context: SourceRange | undefined): DiagnosticSnippet {
  const { bytes, file } = indexed;
  let highlightStart = subject.start.byte;
  let highlightEnd = subject.end.byte;
  let snippetStart = highlightStart;
  let snippetEnd = highlightEnd;
  let startLine = subject.start.line;
  if (context) {
    if (context.start.byte < snippetStart) {
      snippetStart = context.start.byte;
      startLine = context.start.line;
    }
    snippetEnd = Math.max(snippetEnd, context.end.byte);
  }
  if (snippetEnd === snippetStart) snippetEnd++;
  if (highlightEnd === highlightStart) highlightEnd++;

  // Whole lines overlapping the snippet range.
  let codeStart = -1;
  let codeEnd = 0;
  let lineStart = 0;
  while (lineStart <= bytes.length) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    const next = lineEnd < 0 ? bytes.length + 1 : lineEnd + 1;
    if (lineEnd < 0) lineEnd = bytes.length;
    // HCL's line ranges include the newline; overlap test as hcl.Range.Overlaps.
    const rangeEnd = Math.min(next, bytes.length);
    if (lineStart < snippetEnd && snippetStart < Math.max(rangeEnd, lineStart + 1)) {
      if (codeStart < 0) codeStart = lineStart;
      codeEnd = lineEnd;
    }
    if (lineStart >= snippetEnd) break;
    lineStart = next;
  }
  if (codeStart < 0) codeStart = codeEnd = Math.min(snippetStart, bytes.length);
  let code = bytes.subarray(codeStart, codeEnd).toString('utf8');
  if (code.endsWith('\r')) code = code.slice(0, -1);
  const codeLength = Buffer.byteLength(code, 'utf8');
  const clamp = (n: number) => Math.max(0, Math.min(codeLength, n));
  const start = clamp(highlightStart - codeStart);
  const end = clamp(start + (highlightEnd - highlightStart));
  highlightStart = start;
  return {
    context: contextString(file, subject.start.byte - 1),
    code,
    start_line: startLine,
    highlight_start_offset: highlightStart,
    highlight_end_offset: end,
    values: [],
  };
}

/** HCL's `ContextString`: the header (`resource "aws_vpc" "v"`) of the top-level block containing `offset`. */
function contextString(file: HclFile, offset: number): string | null {
  if (file.filename.endsWith('.json')) return null;
  for (const block of file.body.blocks) {
    if (offset >= block.range.start.byte && offset < block.range.end.byte) {
      return [block.type, ...block.labels.map((label) => JSON.stringify(label))].join(' ');
    }
  }
  return null;
}
