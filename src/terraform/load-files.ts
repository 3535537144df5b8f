import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../core/bytes.ts';
import { InputError } from '../core/errors.ts';
import { LimitError, limitValue } from '../core/limits.ts';

/**
 * Finding and reading the files of one module directory the way Terraform does: `*.tf` and `*.tf.json`
 * in the directory itself (not subdirectories), skipping hidden and editor backup files, primary files
 * before override files (`override.tf`, `*_override.tf`, and their `.json` forms), each group sorted.
 */

export interface ModuleFileNames {
  primary: string[];
  override: string[];
}

/**
 * The bytes one configuration may read in total (every module's files and the tfvars files), so many files that are
 * each under the per-file bound cannot add up to gigabytes of memory. Charged before a file is read.
 */
export class ByteBudget {
  used = 0;
  constructor(readonly limit = limitValue('configurationBytes')) {}

  charge(displayName: string, bytes: number): void {
    if (this.used + bytes > this.limit) {
      throw new LimitError(displayName, `with this file the configuration's files add up to ${formatBytes(this.used + bytes)}`, 'configurationBytes', { value: this.limit });
    }
    this.used += bytes;
  }
}

export function isConfigFileName(name: string): boolean {
  return (name.endsWith('.tf') || name.endsWith('.tf.json')) && !isIgnoredFileName(name);
}

/** Terraform's `IsIgnoredFile`: dotfiles, `foo~` backups and `#foo#` autosaves. */
export function isIgnoredFileName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

export function isOverrideFileName(name: string): boolean {
  const base = name.endsWith('.tf.json') ? name.slice(0, -'.tf.json'.length) : name.slice(0, -'.tf'.length);
  return base === 'override' || base.endsWith('_override');
}

/** Lists the configuration files of `dir` (names only). Unreadable entries become InputErrors. */
export async function listModuleFiles(dir: string, displayDir: string): Promise<ModuleFileNames> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw fileError(error, displayDir);
  }
  const primary: string[] = [];
  const override: string[] = [];
  for (const entry of entries) {
    if (!isConfigFileName(entry.name)) continue;
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        isFile = (await stat(join(dir, entry.name))).isFile();
      } catch (error) {
        throw fileError(error, join(displayDir, entry.name));
      }
    }
    if (!isFile) continue;
    (isOverrideFileName(entry.name) ? override : primary).push(entry.name);
  }
  primary.sort();
  override.sort();
  return { primary, override };
}

/**
 * Reads a source file as UTF-8 text; binary content, invalid UTF-8 and oversized files (one file, or the
 * configuration's total in `budget`) are InputErrors.
 */
export async function readSourceFile(path: string, displayName: string, budget?: ByteBudget): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    const maxFileBytes = limitValue('fileBytes');
    if (info.size > maxFileBytes) {
      throw new LimitError(displayName, `file is ${formatBytes(info.size)}`, 'fileBytes', { value: maxFileBytes, advice: 'split it or remove it from the directory' });
    }
    if (info.isFile()) {
      budget?.charge(displayName, info.size);
      bytes = await readFile(path);
    } else {
      // A FIFO or device (`--var-file <(...)`, /dev/stdin, /dev/zero): its size is unknown until read, so read at most the bound.
      bytes = await readAtMost(path, maxFileBytes, displayName);
      budget?.charge(displayName, bytes.length);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(error, displayName);
  }
  return decodeSource(bytes, displayName);
}

async function readAtMost(path: string, maxBytes: number, displayName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new LimitError(displayName, `more than ${formatBytes(maxBytes)} could be read from it`, 'fileBytes', { value: maxBytes });
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** Decodes UTF-8 source, refusing binary content and invalid UTF-8 with one clear line. */
export function decodeSource(bytes: Uint8Array, displayName: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(`${displayName}: binary file (NUL byte at offset ${nul}), not Terraform source text; remove it or rename it so it does not end in .tf`);
  }
  let bad = firstInvalidUtf8(bytes);
  if (bad !== -1 && !displayName.endsWith('.json')) {
    // HCL reads comments as bytes: invalid UTF-8 inside a comment is no error for Terraform. Such bytes become
    // `?` (one per byte, so every byte offset stays where it was); anywhere else they are refused below.
    const comments = hclCommentSpans(bytes);
    const inComment = (at: number) => comments.some(([start, end]) => at >= start && at < end);
    let copy: Uint8Array | undefined;
    while (bad !== -1 && inComment(bad)) {
      copy ??= Uint8Array.from(bytes);
      copy[bad] = 0x3f;
      const next = firstInvalidUtf8(copy.subarray(bad + 1));
      bad = next === -1 ? -1 : bad + 1 + next;
    }
    if (copy && bad === -1) return Buffer.from(copy).toString('utf8');
  }
  if (bad !== -1) {
    const before = Buffer.from(bytes.subarray(0, bad)).toString('utf8');
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    throw new InputError(
      `${displayName}:${line}:${column}: Invalid character encoding: all input files must be UTF-8 encoded (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); re-save the file as UTF-8`,
    );
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text;
}

/**
 * Byte spans of the comments (`#`, `//` to the end of the line, `/* ... *\/`) of HCL native syntax, outside
 * quoted strings (with their `${...}` interpolations) and heredocs.
 */
export function hclCommentSpans(bytes: Uint8Array): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const n = bytes.length;
  /** Open contexts: 's' a quoted string, 'i' an interpolation inside one (counting its braces). */
  const stack: Array<{ kind: 's' | 'i'; braces: number }> = [];
  let i = 0;
  const at = (k: number) => bytes[k] ?? 0;
  const lineEnd = (k: number) => {
    while (k < n && at(k) !== 0x0a) k++;
    return k;
  };
  while (i < n) {
    const c = at(i);
    const top = stack[stack.length - 1];
    if (top?.kind === 's') {
      if (c === 0x5c) i += 2;
      else if (c === 0x22) {
        stack.pop();
        i++;
      } else if ((c === 0x24 || c === 0x25) && at(i + 1) === 0x7b) {
        stack.push({ kind: 'i', braces: 0 });
        i += 2;
      } else if (c === 0x0a) {
        stack.pop(); // an unterminated string ends at the line end for HCL's recovery
        i++;
      } else i++;
      continue;
    }
    if (c === 0x22) {
      stack.push({ kind: 's', braces: 0 });
      i++;
    } else if (c === 0x23 || (c === 0x2f && at(i + 1) === 0x2f)) {
      const end = lineEnd(i);
      spans.push([i, end]);
      i = end;
    } else if (c === 0x2f && at(i + 1) === 0x2a) {
      let end = i + 2;
      while (end < n && !(at(end) === 0x2a && at(end + 1) === 0x2f)) end++;
      end = Math.min(n, end + 2);
      spans.push([i, end]);
      i = end;
    } else if (c === 0x3c && at(i + 1) === 0x3c && top === undefined) {
      // A heredoc: skip to the line that holds only its marker.
      let k = i + 2;
      if (at(k) === 0x2d) k++;
      const start = k;
      while (k < n && /[A-Za-z0-9_]/.test(String.fromCharCode(at(k)))) k++;
      const marker = Buffer.from(bytes.subarray(start, k)).toString('latin1');
      if (marker === '') {
        i += 2;
        continue;
      }
      let line = lineEnd(k) + 1;
      while (line < n) {
        const end = lineEnd(line);
        if (Buffer.from(bytes.subarray(line, end)).toString('latin1').trim() === marker) break;
        line = end + 1;
      }
      i = line;
    } else if (c === 0x7b && top?.kind === 'i') {
      top.braces++;
      i++;
    } else if (c === 0x7d && top?.kind === 'i') {
      if (top.braces === 0) stack.pop();
      else top.braces--;
      i++;
    } else i++;
  }
  return spans;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A filesystem error as one clear InputError line. */
export function fileError(error: unknown, displayName: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError(`${displayName}: no such file or directory`, { cause: error });
    case 'ENOTDIR':
      return new InputError(`${displayName}: not a directory; pass the directory that holds the .tf files`, { cause: error });
    case 'ELOOP':
      return new InputError(`${displayName}: too many levels of symbolic links (a symlink loop); fix or remove the link`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new InputError(`${displayName}: permission denied`, { cause: error });
    case 'EISDIR':
      return new InputError(`${displayName}: is a directory, expected a file`, { cause: error });
    default:
      return new InputError(`${displayName}: cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`, { cause: error });
  }
}
