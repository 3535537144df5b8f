import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError, errorMessage } from '../core/errors.ts';
import type { IndexedGzipLines } from '../core/indexed-gzip.ts';
import { indexBundle, parseBundleLine, type BundleLineKind } from './bundle-format.ts';
import { normalizeProviderAddress, providerNamespaceType } from './provider-address.ts';
import type { ProviderSchema, ProviderSchemasDocument, Schema, SchemaFunction, SchemaMode } from './provider-schema.ts';

/** Read access to the schemas of one provider (parsed on demand). */
interface ProviderSource {
  lookup<T>(kind: BundleLineKind, name: string): T | undefined;
  names(kind: BundleLineKind): string[];
}

const SECTION: Record<BundleLineKind, keyof ProviderSchema> = {
  provider: 'provider',
  managed: 'resource_schemas',
  data: 'data_source_schemas',
  ephemeral: 'ephemeral_resource_schemas',
  function: 'functions',
};

/** A provider from an already-parsed `providers schema -json` document. */
function documentSource(provider: ProviderSchema): ProviderSource {
  return {
    lookup<T>(kind: BundleLineKind, name: string): T | undefined {
      if (kind === 'provider') return provider.provider as T | undefined;
      const section = provider[SECTION[kind]] as Record<string, T> | undefined;
      return section && Object.hasOwn(section, name) ? section[name] : undefined;
    },
    names(kind: BundleLineKind): string[] {
      if (kind === 'provider') return provider.provider ? [''] : [];
      return Object.keys((provider[SECTION[kind]] as Record<string, unknown> | undefined) ?? {});
    },
  };
}

/** Unparsed schema lines of one provider by kind and name. */
interface BundleLines {
  line(kind: BundleLineKind, name: string): string | undefined;
  names(kind: BundleLineKind): string[];
}

/** Bundle text (see bundle-format.ts), indexed on first use. */
function textLines(load: () => string): BundleLines {
  let index: ReturnType<typeof indexBundle>['lines'] | undefined;
  const lines = () => (index ??= indexBundle(load()).lines);
  return {
    line: (kind, name) => lines().get(kind)?.get(name),
    names: (kind) => [...(lines().get(kind)?.keys() ?? [])],
  };
}

/** A bundle stored as indexed gzip members (`src/core/indexed-gzip.ts`): only the members looked up are inflated. */
function indexedLines(reader: IndexedGzipLines): BundleLines {
  return {
    line: (kind, name) => reader.get(`${kind} ${name}`),
    names: (kind) => reader.keys().flatMap((key) => (key.startsWith(`${kind} `) ? [key.slice(kind.length + 1)] : [])),
  };
}

/** A provider from bundle lines, each parsed on first lookup. */
function bundleSource(lines: BundleLines): ProviderSource {
  const parsed = new Map<string, unknown>();
  return {
    lookup<T>(kind: BundleLineKind, name: string): T | undefined {
      const key = `${kind}\0${name}`;
      if (parsed.has(key)) return parsed.get(key) as T;
      const line = lines.line(kind, name);
      const value = line === undefined ? undefined : parseBundleLine<T>(line);
      parsed.set(key, value);
      return value;
    },
    names: (kind) => lines.names(kind),
  };
}

/**
 * Provider schemas by provider address. Lookups accept a full address (`registry.terraform.io/hashicorp/aws`),
 * a source (`hashicorp/aws`) or a bare local name with the implied hashicorp namespace (`aws`); a provider
 * from another registry host (OpenTofu's) matches by namespace/type when no exact address is known.
 */
export class ProviderSchemas {
  private readonly providers = new Map<string, ProviderSource>();
  private readonly origins = new Map<string, string>();
  /** `resolve` answers by the address as written (planning and validation ask once per resource instance). */
  private readonly resolved = new Map<string, string | undefined>();

  /** Adds every provider of a `terraform providers schema -json` document (later additions win). */
  addDocument(doc: ProviderSchemasDocument, origin = 'document'): this {
    if (!doc || typeof doc !== 'object' || typeof doc.provider_schemas !== 'object' || doc.provider_schemas === null) {
      throw new InputError(`${origin}: not a "terraform providers schema -json" document (no "provider_schemas" object)`);
    }
    for (const [address, provider] of Object.entries(doc.provider_schemas)) {
      this.providers.set(normalizeProviderAddress(address), documentSource(provider));
      this.origins.set(normalizeProviderAddress(address), origin);
    }
    this.resolved.clear();
    return this;
  }

  /**
   * Adds a provider whose bundle (bundle-format.ts) is read lazily on first lookup: its text, or an indexed gzip asset
   * of which only the members holding the schemas looked up are inflated.
   */
  addBundle(address: string, load: (() => string) | IndexedGzipLines, origin = address): this {
    this.providers.set(normalizeProviderAddress(address), bundleSource(typeof load === 'function' ? textLines(load) : indexedLines(load)));
    this.origins.set(normalizeProviderAddress(address), origin);
    this.resolved.clear();
    return this;
  }

  /** Adds one provider of a document that is read (once) on its first lookup. */
  addLazyDocument(address: string, load: () => ProviderSchemasDocument, origin = address): this {
    const normalized = normalizeProviderAddress(address);
    let source: ProviderSource | undefined;
    const get = (): ProviderSource => {
      if (source) return source;
      const doc = load();
      const entry = Object.entries(doc.provider_schemas).find(([key]) => normalizeProviderAddress(key) === normalized);
      return (source = documentSource(entry?.[1] ?? {}));
    };
    this.providers.set(normalized, { lookup: (kind, name) => get().lookup(kind, name), names: (kind) => get().names(kind) });
    this.origins.set(normalized, origin);
    this.resolved.clear();
    return this;
  }

  /** Adds a `terraform providers schema -json` output file (`.json` or `.json.gz`), e.g. from `--schema`. */
  addSchemaFile(path: string): this {
    let doc: ProviderSchemasDocument;
    try {
      const raw = readFileSync(path);
      const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
      doc = JSON.parse(text) as ProviderSchemasDocument;
    } catch (error) {
      throw new InputError(`cannot read schema file ${path}: ${errorMessage(error)} (pass the output of "terraform providers schema -json")`);
    }
    return this.addDocument(doc, path);
  }

  /** A copy sharing the already-loaded providers (add user schemas to it without touching the cached bundle). */
  clone(): ProviderSchemas {
    const copy = new ProviderSchemas();
    for (const [address, source] of this.providers) copy.providers.set(address, source);
    for (const [address, origin] of this.origins) copy.origins.set(address, origin);
    return copy;
  }

  /** Full addresses of every known provider. */
  addresses(): string[] {
    return [...this.providers.keys()].sort();
  }

  /** The full address under which a provider's schema is known, or undefined. */
  resolve(provider: string): string | undefined {
    if (this.resolved.has(provider)) return this.resolved.get(provider);
    const address = normalizeProviderAddress(provider);
    const namespaceType = providerNamespaceType(address);
    const found = this.providers.has(address) ? address : [...this.providers.keys()].find((known) => providerNamespaceType(known) === namespaceType);
    this.resolved.set(provider, found);
    return found;
  }

  has(provider: string): boolean {
    return this.resolve(provider) !== undefined;
  }

  /** Where a provider's schema came from (a file path or the bundled asset name). */
  origin(provider: string): string | undefined {
    const address = this.resolve(provider);
    return address === undefined ? undefined : this.origins.get(address);
  }

  /** The provider configuration schema (`provider "aws" { ... }`). */
  providerConfigSchema(provider: string): Schema | undefined {
    return this.source(provider)?.lookup<Schema>('provider', '');
  }

  /** The schema of a resource (`managed`), data source (`data`) or ephemeral resource type. */
  resourceSchema(provider: string, type: string, mode: SchemaMode = 'managed'): Schema | undefined {
    return this.source(provider)?.lookup<Schema>(mode, type);
  }

  /** Every resource / data source / ephemeral type name the provider has (unsorted). */
  resourceTypes(provider: string, mode: SchemaMode = 'managed'): string[] {
    return this.source(provider)?.names(mode) ?? [];
  }

  /** A provider-defined function (`provider::<name>::<function>`). */
  providerFunction(provider: string, name: string): SchemaFunction | undefined {
    return this.source(provider)?.lookup<SchemaFunction>('function', name);
  }

  providerFunctionNames(provider: string): string[] {
    return this.source(provider)?.names('function') ?? [];
  }

  private source(provider: string): ProviderSource | undefined {
    const address = this.resolve(provider);
    return address === undefined ? undefined : this.providers.get(address);
  }
}
