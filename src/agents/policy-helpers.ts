import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.ts';
import type { GeneratedFile } from './extract-files.ts';

/**
 * The library's helper packages (`policies/lib/*.rego`: `data.iacpac.lib.terraform`, `data.iacpac.lib.iam`), which the
 * retrieved example policies import. When generated policies import one (directly or through another helper) and do
 * not define it, the helper is added under `policies/lib/` so the output is self-contained: it compiles here and runs
 * unchanged with `opa test` / `conftest`.
 */
export function withPolicyHelpers(files: readonly GeneratedFile[], libDir = join(packageRoot(), 'policies', 'lib')): GeneratedFile[] {
  const helpers = loadHelpers(libDir);
  const out = [...files];
  const defined = new Set(files.map((f) => packageOf(f.content)).filter((p): p is string => p !== undefined));
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of [...out]) {
      for (const imported of importsOf(file.content)) {
        const helper = helpers.get(imported);
        if (!helper || defined.has(imported)) continue;
        out.push(helper);
        defined.add(imported);
        changed = true;
      }
    }
  }
  return out;
}

function loadHelpers(libDir: string): Map<string, GeneratedFile> {
  const helpers = new Map<string, GeneratedFile>();
  if (!existsSync(libDir)) return helpers;
  for (const name of readdirSync(libDir).sort()) {
    if (!name.endsWith('.rego') || name.endsWith('_test.rego')) continue;
    const content = readFileSync(join(libDir, name), 'utf8');
    const pkg = packageOf(content);
    if (pkg) helpers.set(pkg, { path: `policies/lib/${name}`, content });
  }
  return helpers;
}

function packageOf(source: string): string | undefined {
  return /^\s*package\s+([A-Za-z_][\w.]*)/m.exec(source)?.[1];
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+data\.([A-Za-z_][\w.]*)/gm)].map((m) => m[1]!);
}
