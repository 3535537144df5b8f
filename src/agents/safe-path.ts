import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Names the tool itself writes in --out; a model may not overwrite them. */
export const RESERVED_NAMES = new Set(['report.json', 'trace.jsonl', 'review.md']);

/**
 * Turns a file name chosen by a model into a safe single path segment: only the last segment is kept (no
 * directories, so `../../etc/x` becomes `x`), characters outside `[A-Za-z0-9._-]` become `_`, leading dots are
 * dropped (no hidden files, no `..`), and the length is bounded. Returns undefined when nothing usable is left.
 */
export function sanitizeFileName(requested: string): string | undefined {
  const segments = requested.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  const cleaned = last
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.\-]+/, '')
    .slice(0, 100);
  if (cleaned === '' || /^_+$/.test(cleaned)) return undefined;
  if (RESERVED_NAMES.has(cleaned.toLowerCase())) return undefined;
  return cleaned;
}

/** Resolves `relativePath` under `root` and proves it stays inside (defence in depth after sanitising). */
export function confinedPath(root: string, relativePath: string): string {
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`refusing to write outside the output directory: ${relativePath}`);
  }
  return target;
}
