import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KbDocument } from '../kb-document.ts';

export interface PolicyMetadata {
  title?: string;
  description?: string;
  custom?: { id?: string; severity?: string; resource_types?: string[]; checkov?: string[]; remediation?: string };
}

/** The first `# METADATA` comment block of a Rego file, parsed as YAML (OPA's annotation format); undefined if none. */
export function readRegoMetadata(source: string): PolicyMetadata | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /^\s*#\s*METADATA\s*$/.test(l));
  if (start === -1) return undefined;
  const yamlLines: string[] = [];
  for (let i = start + 1; i < lines.length && /^\s*#/.test(lines[i]!); i++) yamlLines.push(lines[i]!.replace(/^\s*# ?/, ''));
  try {
    const value = parseYaml(yamlLines.join('\n')) as unknown;
    return value && typeof value === 'object' ? (value as PolicyMetadata) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One document per policy of the library (`policies/index.json` lists them): metadata as keywords, the Rego source
 * (capped) as the text, so the PaC generator gets real, tested examples.
 */
export function policyDocuments(policiesDir: string, maxChars = 2500): KbDocument[] {
  const indexFile = join(policiesDir, 'index.json');
  if (!existsSync(indexFile)) return [];
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { policies?: Array<{ id: string; file: string }> };
  const documents: KbDocument[] = [];
  for (const entry of index.policies ?? []) {
    const file = join(policiesDir, entry.file);
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    const meta = readRegoMetadata(source) ?? {};
    const custom = meta.custom ?? {};
    documents.push({
      id: `policy:${entry.id}`,
      kind: 'policy',
      title: `${entry.id}: ${meta.title ?? entry.file}`,
      keywords: [
        meta.title ?? '',
        meta.description ?? '',
        custom.severity ?? '',
        ...(custom.resource_types ?? []).flatMap((t) => [t, t.replace(/_/g, ' ')]),
        ...(custom.checkov ?? []),
        custom.remediation ?? '',
      ].join(' '),
      text: source.length > maxChars ? `${source.slice(0, maxChars)}\n# ... (truncated)` : source,
      source: `policies/${entry.file}`,
    });
  }
  return documents;
}
