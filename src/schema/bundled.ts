import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { IndexedGzipLines } from '../core/indexed-gzip.ts';
import { assetPath } from '../core/package-root.ts';
import type { ProviderSchemasDocument } from './provider-schema.ts';
import { ProviderSchemas } from './provider-schemas.ts';

/** One entry of assets/schemas/index.json, the explicit list of bundled provider schemas. */
export interface BundledSchemaEntry {
  /** Full provider address, e.g. `registry.terraform.io/hashicorp/aws`. */
  address: string;
  version: string;
  /** File under assets/schemas/: `*.jsonl.gz` (bundle-format.ts) or `*.json` (a `providers schema -json` document). */
  file: string;
  /** How the schema was produced (provider binary, or written from the provider's documentation). */
  origin: string;
  /**
   * The provider's own argument checks that the schema does not describe (allowed values, formats, argument
   * groups), recorded from the provider binary: a `*.checks.jsonl.gz` file under assets/schemas/.
   */
  checks?: string;
}

let cached: ProviderSchemas | undefined;

/** The list of bundled provider schemas (assets/schemas/index.json). */
export function bundledSchemaEntries(): BundledSchemaEntry[] {
  return (JSON.parse(readFileSync(assetPath('schemas', 'index.json'), 'utf8')) as { providers: BundledSchemaEntry[] }).providers;
}

/**
 * The provider schemas bundled with iacpac (hashicorp/aws 5.100.0 and the utility providers random, archive,
 * null, tls, local, time). Cached; each provider's file is read and indexed on its first lookup and each
 * resource schema is parsed on first use. Do not mutate the result: `clone()` it before adding user schemas
 * (or use `loadSchemas(files)`).
 */
export function loadBundledSchemas(): ProviderSchemas {
  if (cached) return cached;
  const schemas = new ProviderSchemas();
  for (const entry of bundledSchemaEntries()) {
    const path = assetPath('schemas', entry.file);
    if (entry.file.endsWith('.jsonl.gz')) {
      const source = IndexedGzipLines.open(path) ?? (() => gunzipSync(readFileSync(path)).toString('utf8'));
      schemas.addBundle(entry.address, source, `bundled ${entry.file}`);
    } else {
      let doc: ProviderSchemasDocument | undefined;
      const load = () => (doc ??= JSON.parse(readFileSync(path, 'utf8')) as ProviderSchemasDocument);
      schemas.addLazyDocument(entry.address, load, `bundled ${entry.file}`);
    }
  }
  return (cached = schemas);
}

/** The bundled schemas plus user schema files (`--schema`, `terraform providers schema -json` output). */
export function loadSchemas(schemaFiles: readonly string[] = []): ProviderSchemas {
  if (schemaFiles.length === 0) return loadBundledSchemas();
  const schemas = loadBundledSchemas().clone();
  for (const file of schemaFiles) schemas.addSchemaFile(file);
  return schemas;
}
