import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { IndexedGzipLines } from '../../core/indexed-gzip.ts';
import { assetPath } from '../../core/package-root.ts';
import { bundledSchemaEntries } from '../bundled.ts';
import type { TypeChecks } from './check-types.ts';

/** The key of a provider-checks line in its gzip index: `<mode> <type>` (null when the line names none). */
export function checksLineKey(line: string): string | null {
  const head = /^\{"mode":"(managed|data)","type":"([^"]+)"/.exec(line);
  return head ? `${head[1]} ${head[2]}` : null;
}

/** The provider argument checks bundled next to a provider's schema, looked up by resource type. */
export class ProviderChecks {
  private index: Map<string, string> | undefined;
  private readonly parsed = new Map<string, TypeChecks | null>();

  /** `source`: the asset's text, or its indexed gzip members (only those holding the types looked up are inflated). */
  constructor(private readonly source: (() => string) | IndexedGzipLines) {}

  /** The checks of a resource type (`managed`) or data source (`data`), or undefined when it has none. */
  lookup(mode: 'managed' | 'data', type: string): TypeChecks | undefined {
    const key = `${mode} ${type}`;
    const cached = this.parsed.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const line = this.line(key);
    const checks = line ? (JSON.parse(line) as TypeChecks) : null;
    this.parsed.set(key, checks);
    return checks ?? undefined;
  }

  private line(key: string): string | undefined {
    if (typeof this.source !== 'function') return this.source.get(key);
    if (!this.index) {
      this.index = new Map();
      for (const line of this.source().split('\n')) {
        const lineKey = checksLineKey(line);
        if (lineKey !== null) this.index.set(lineKey, line);
      }
    }
    return this.index.get(key);
  }
}

let cached: Map<string, ProviderChecks> | undefined;

/** Bundled provider checks by full provider address (assets/schemas/index.json names the file per provider). */
export function bundledProviderChecks(): Map<string, ProviderChecks> {
  if (cached) return cached;
  cached = new Map();
  for (const entry of bundledSchemaEntries()) {
    if (!entry.checks) continue;
    const path = assetPath('schemas', entry.checks);
    if (!existsSync(path)) continue;
    cached.set(entry.address, new ProviderChecks(IndexedGzipLines.open(path) ?? (() => gunzipSync(readFileSync(path)).toString('utf8'))));
  }
  return cached;
}
