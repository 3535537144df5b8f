import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.ts';
import { encodePrecompiled, parseModule, precompiledModules, RegoEngine } from '../rego/index.ts';
import { loadLibrary } from './policy-library.ts';

/**
 * The bundled library compiled ahead of time (`scripts/gen-policy-docs.ts` writes it; a meta test fails when it is
 * stale): every module's compiled rules, so a scan that uses the library alone neither parses nor compiles its Rego.
 * Each entry is keyed by the SHA-256 of the module's text: an edited module is parsed and compiled as before.
 *
 * Format: a first line of JSON `{"version": 1, "modules": {file: {"sha256", "at", "length"}}}`, then the modules'
 * texts (`encodePrecompiled`), one a line, each at byte `at` after the first line for `length` bytes.
 */
export const COMPILED_LIBRARY_FILE = join('assets', 'policies', 'compiled-library.txt');

interface Header {
  version: 1;
  modules: Record<string, { sha256: string; at: number; length: number }>;
}

/** The text of COMPILED_LIBRARY_FILE for the library as it is now: all its modules compiled in one program. */
export function renderCompiledLibrary(): string {
  const library = loadLibrary();
  const engine = new RegoEngine();
  const sources = new Map<string, string>();
  for (const m of [...library.helpers, ...library.policies]) {
    engine.addParsedModule(parseModule(m.displayName, m.source));
    sources.set(m.displayName, m.source);
  }
  const modules: Header['modules'] = {};
  let body = '';
  let bytes = 0;
  for (const [file, pre] of precompiledModules(engine.compile())) {
    const source = sources.get(file)!;
    const text = encodePrecompiled(pre, () => parseModule(file, source));
    modules[file] = { sha256: sourceKey(source), at: bytes, length: Buffer.byteLength(text) };
    body += `${text}\n`;
    bytes += Buffer.byteLength(text) + 1;
  }
  return `${JSON.stringify({ version: 1, modules } satisfies Header)}\n${body}`;
}

let cached: { header: Header; body: Buffer } | null | undefined;

/**
 * The precompiled text of a library module (by its display name, e.g. `policies/lib/terraform.rego`) when the file
 * has one for exactly this source text; undefined otherwise (no file, another version, another text).
 */
export function compiledLibraryModule(file: string, source: string): string | undefined {
  if (cached === undefined) cached = readCompiledLibrary();
  const entry = cached && Object.hasOwn(cached.header.modules, file) ? cached.header.modules[file] : undefined;
  if (!cached || !entry || entry.sha256 !== sourceKey(source)) return undefined;
  return cached.body.toString('utf8', entry.at, entry.at + entry.length);
}

/** The header and the bytes after it (only the modules a process uses are decoded as text). */
function readCompiledLibrary(): { header: Header; body: Buffer } | null {
  try {
    const bytes = readFileSync(join(packageRoot(), COMPILED_LIBRARY_FILE));
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
    return header.version === 1 ? { header, body: bytes.subarray(newline + 1) } : null;
  } catch {
    // Without it every module is parsed and compiled.
    return null;
  }
}

function sourceKey(source: string): string {
  return hash('sha256', source);
}
