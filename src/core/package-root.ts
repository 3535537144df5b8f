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

interface PackageJson {
  version: string;
  homepage?: string;
  repository?: { url?: string } | string;
}

let manifest: PackageJson | undefined;

function packageJson(): PackageJson {
  return (manifest ??= JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson);
}

/** iacpac's version (package.json). */
export function packageVersion(): string {
  return packageJson().version;
}

/** The web address of the repository (package.json `repository`), e.g. `https://github.com/iacpac/iacpac`. */
export function repositoryUrl(): string | undefined {
  const repository = packageJson().repository;
  const url = typeof repository === 'string' ? repository : repository?.url;
  return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The address of a documentation page on the main branch, e.g. `docUrl('policies.md', 'iacpac_aws_s3_001')`. */
export function docUrl(page: string, anchor?: string): string | undefined {
  const base = repositoryUrl();
  if (!base) return undefined;
  return `${base}/blob/main/docs/${page}${anchor ? `#${anchor}` : ''}`;
}

/** A path inside the package, e.g. `assetPath('schemas', 'aws.json.gz')`. */
export function assetPath(...segments: string[]): string {
  return join(packageRoot(), 'assets', ...segments);
}
