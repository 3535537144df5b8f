import type { ProviderSchema, ProviderSchemasDocument, SchemaMode } from './provider-schema.ts';

/**
 * The bundled schema artifact (assets/schemas/*.jsonl.gz): one provider per file, one JSON line per schema so
 * the loader can index the file without parsing it and parse a resource schema only when it is looked up. The file
 * is written as indexed gzip members (`src/core/indexed-gzip.ts`, key `<kind> <name>`), so only the members holding
 * the schemas looked up are inflated.
 *
 *   {"format_version":"1.0","provider":"registry.terraform.io/hashicorp/aws"}   header
 *   ["provider","",{...Schema}]
 *   ["managed","aws_s3_bucket",{...Schema}]        (also "data", "ephemeral")
 *   ["function","arn_parse",{...SchemaFunction}]
 */
export type BundleLineKind = SchemaMode | 'provider' | 'function';

export interface BundleHeader {
  format_version: string;
  provider: string;
}

const SECTIONS: Array<[BundleLineKind, keyof ProviderSchema]> = [
  ['managed', 'resource_schemas'],
  ['data', 'data_source_schemas'],
  ['ephemeral', 'ephemeral_resource_schemas'],
  ['function', 'functions'],
];

/** Serialises every provider of a (compacted) schema document to bundle text, one string per provider. */
export function toBundles(doc: ProviderSchemasDocument): Array<{ address: string; text: string }> {
  return Object.entries(doc.provider_schemas).map(([address, provider]) => {
    const header: BundleHeader = { format_version: doc.format_version, provider: address };
    const lines = [JSON.stringify(header)];
    if (provider.provider) lines.push(JSON.stringify(['provider', '', provider.provider]));
    for (const [kind, key] of SECTIONS) {
      const section = provider[key] as Record<string, unknown> | undefined;
      for (const [name, value] of Object.entries(section ?? {})) lines.push(JSON.stringify([kind, name, value]));
    }
    return { address, text: `${lines.join('\n')}\n` };
  });
}

/** Splits bundle text into its header and an index `kind -> name -> unparsed line`. */
export function indexBundle(text: string): { header: BundleHeader; lines: Map<BundleLineKind, Map<string, string>> } {
  const lines = new Map<BundleLineKind, Map<string, string>>();
  let start = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, start < 0 ? text.length : start)) as BundleHeader;
  while (start >= 0 && start < text.length - 1) {
    const end = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, end < 0 ? text.length : end);
    start = end;
    const head = bundleLineHead(line);
    if (!head) continue;
    let byName = lines.get(head.kind);
    if (!byName) lines.set(head.kind, (byName = new Map()));
    byName.set(head.name, line);
  }
  return { header, lines };
}

/** The kind and name of a schema line, read from its prefix `["kind","name",` without parsing it (undefined: the header). */
export function bundleLineHead(line: string): { kind: BundleLineKind; name: string } | undefined {
  if (!line.startsWith('["')) return undefined;
  const kindEnd = line.indexOf('"', 2);
  const nameStart = kindEnd + 3;
  const nameEnd = line.indexOf('"', nameStart);
  if (kindEnd < 0 || nameEnd < 0) return undefined;
  return { kind: line.slice(2, kindEnd) as BundleLineKind, name: line.slice(nameStart, nameEnd) };
}

/** The key of a schema line in the bundle's gzip index (`src/core/indexed-gzip.ts`): `<kind> <name>`. */
export function bundleLineKey(line: string): string | null {
  const head = bundleLineHead(line);
  return head ? `${head.kind} ${head.name}` : null;
}

/** Parses the value of one indexed bundle line. */
export function parseBundleLine<T>(line: string): T {
  return (JSON.parse(line) as [string, string, T])[2];
}
