import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetPath, packageRoot, packageVersion } from '../core/package-root.ts';
import { loadBundledSchemas, loadSchemas } from '../schema/index.ts';
import type { KbDocument } from './kb-document.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { policyDocuments } from './sources/policy-library.ts';
import { schemaDocuments } from './sources/provider-schemas.ts';
import { builtinDocuments } from './sources/rego-builtins.ts';
import { userDocDocuments } from './sources/user-docs.ts';

export interface KnowledgeBaseSources {
  /** User documentation folders (`--docs`). */
  docs?: readonly string[];
  /** Extra provider schema files (`terraform providers schema -json`). */
  schemaFiles?: readonly string[];
  /** Policy library folder (default: the bundled `policies/`). */
  policiesDir?: string;
  /** Index data sources too (default true). */
  dataSources?: boolean;
}

/** All documents: bundled provider schemas (+ user schema files), the policy library, Rego builtins, user docs. */
export function collectDocuments(sources: KnowledgeBaseSources = {}): KbDocument[] {
  const schemas = sources.schemaFiles?.length ? loadSchemas([...sources.schemaFiles]) : loadBundledSchemas();
  return [
    ...schemaDocuments(schemas, { dataSources: sources.dataSources ?? true }),
    ...policyDocuments(sources.policiesDir ?? join(packageRoot(), 'policies')),
    ...builtinDocuments(),
    ...(sources.docs ?? []).flatMap((dir) => userDocDocuments(dir)),
  ];
}

export function buildKnowledgeBase(sources: KnowledgeBaseSources = {}): KnowledgeBase {
  return KnowledgeBase.build(collectDocuments(sources));
}

/**
 * The knowledge base from the on-disk cache when its sources are unchanged, else built and saved. The cache key is
 * a hash of the index format, the package version, and the path, size and mtime of every source file (bundled
 * schemas, user schema files, the policy library, user docs), so any change rebuilds it. Loading a saved index takes
 * about a tenth of the build time. A cache that cannot be read or written only costs a rebuild.
 */
export function loadOrBuildKnowledgeBase(sources: KnowledgeBaseSources, cacheDir: string | undefined): { kb: KnowledgeBase; cached: boolean } {
  if (!cacheDir) return { kb: buildKnowledgeBase(sources), cached: false };
  const file = join(cacheDir, `${sourcesKey(sources)}.json`);
  try {
    return { kb: KnowledgeBase.fromJSON(readFileSync(file, 'utf8')), cached: true };
  } catch {
    // not cached yet, or unreadable: build
  }
  const kb = buildKnowledgeBase(sources);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, kb.toJSON());
    renameSync(temp, file);
  } catch {
    // best effort
  }
  return { kb, cached: false };
}

function sourcesKey(sources: KnowledgeBaseSources): string {
  const hash = createHash('sha256');
  const version = packageVersion();
  hash.update(JSON.stringify({ format: KnowledgeBase.FORMAT_VERSION, version, dataSources: sources.dataSources ?? true }));
  const stamp = (path: string): void => {
    try {
      const stat = statSync(path);
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${path}\0missing\n`);
    }
  };
  const walk = (dir: string, depth = 0): void => {
    if (depth > 20) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      hash.update(`${dir}\0unreadable\n`);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile()) stamp(path);
    }
  };
  walk(assetPath('schemas'));
  walk(sources.policiesDir ?? join(packageRoot(), 'policies'));
  for (const file of sources.schemaFiles ?? []) stamp(file);
  for (const dir of sources.docs ?? []) walk(dir);
  return hash.digest('hex');
}
