/** Rego errors as the project's common `Diagnostic` records (core/diagnostics.ts), with real source ranges. */
import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourcePos, SourceRange } from '../core/source-range.ts';
import { RegoCompileErrors, RegoError, type RegoLocation } from './syntax/errors.ts';

/** The text of a Rego file by name (module sources known to an engine), or undefined. */
export type SourceLookup = (file: string) => string | undefined;

/**
 * The diagnostics of a thrown Rego error (parse, compile or evaluation), or undefined for other errors. With the
 * file's source, each gets the range of the offending source (1-based line and column, 0-based UTF-8 byte offsets);
 * without it, the location is named in the detail instead.
 */
export function regoDiagnostics(error: unknown, sources: SourceLookup = () => undefined): Diagnostic[] | undefined {
  const list = error instanceof RegoCompileErrors ? error.errors : error instanceof RegoError ? [error] : undefined;
  return list?.map((e) => {
    const [summary, ...rest] = e.detail.split('\n');
    const detail = rest.map((l) => l.trim()).join('\n');
    const d: Diagnostic = { severity: 'error', summary: summary ?? e.detail, detail, source: 'rego', code: e.code };
    if (e.location) {
      const text = sources(e.location.file);
      const range = text === undefined ? undefined : sourceRange(text, e.location);
      if (range) d.range = range;
      else d.detail = [`at ${e.location.file}:${e.location.row}:${e.location.col}`, detail].filter(Boolean).join('\n');
    }
    return d;
  });
}

/** The range a location covers: its recorded offsets, else the token at its row and column. */
export function sourceRange(text: string, loc: RegoLocation): SourceRange | undefined {
  const start = loc.offset ?? offsetOf(text, loc.row, loc.col);
  if (start === undefined || start > text.length) return undefined;
  const end = Math.min(text.length, Math.max(loc.end ?? tokenEnd(text, start), start + 1));
  return { filename: loc.file, start: position(text, start), end: position(text, Math.max(end, start)) };
}

/** UTF-16 offset of a 1-based row and column (columns as the lexer counts them: UTF-16 code units). */
function offsetOf(text: string, row: number, col: number): number | undefined {
  let offset = 0;
  for (let r = 1; r < row; r++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  return offset + col - 1;
}

/** End of the identifier, number or quoted string starting at `start`, else of the single character there. */
function tokenEnd(text: string, start: number): number {
  const word = /[A-Za-z0-9_]+|"(?:[^"\\\n]|\\.)*"?|`[^`]*`?|\S/y;
  word.lastIndex = start;
  const m = word.exec(text);
  return m ? start + m[0].length : start + 1;
}

function position(text: string, offset: number): SourcePos {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return { line, column: offset - lineStart + 1, byte: utf8Length(before) };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
