import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assetPath } from '../../core/package-root.ts';
import { bundledSchemaEntries } from '../bundled.ts';
import type { TypeChecks } from './check-types.ts';

/** The provider argument checks bundled next to a provider's schema, looked up by resource type. */
export class ProviderChecks {
  private index: Map<string, string> | undefined;
  private readonly parsed = new Map<string, TypeChecks | null>();

  constructor(private readonly read: () => string) {}

  /** The checks of a resource type (`managed`) or data source (`data`), or undefined when it has none. */
  lookup(mode: 'managed' | 'data', type: string): TypeChecks | undefined {
    const key = `${mode} ${type}`;
    const cached = this.parsed.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.index) {
      this.index = new Map();
      for (const line of this.read().split('\n')) {
        const head = /^\{"mode":"(managed|data)","type":"([^"]+)"/.exec(line);
        if (head) this.index.set(`${head[1]} ${head[2]}`, line);
      }
    }
    const line = this.index.get(key);
    const checks = line ? (JSON.parse(line) as TypeChecks) : null;
    this.parsed.set(key, checks);
    return checks ?? undefined;
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
    cached.set(entry.address, new ProviderChecks(() => gunzipSync(readFileSync(path)).toString('utf8')));
  }
  return cached;
}
