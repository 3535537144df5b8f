import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The iacpac package root (holds package.json, policies/, assets/), whether running from src/ or dist/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('iacpac: cannot locate the package root (package.json + assets/)');
    dir = parent;
  }
}

/** iacpac's version (package.json). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** A path inside the package, e.g. `assetPath('schemas', 'aws.json.gz')`. */
export function assetPath(...segments: string[]): string {
  return join(packageRoot(), 'assets', ...segments);
}
