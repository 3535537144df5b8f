import type { ProviderSchemas, SchemaBlock } from '../../schema/index.ts';
import { ctyTypeName } from '../../schema/index.ts';
import type { KbDocument } from '../kb-document.ts';

/**
 * One document per resource type and data source of every provider: required/optional arguments with their types,
 * computed attributes and nested blocks with their nesting and item limits, rendered compactly for prompts.
 */
export function schemaDocuments(schemas: ProviderSchemas, options: { dataSources?: boolean } = {}): KbDocument[] {
  const documents: KbDocument[] = [];
  for (const provider of schemas.addresses()) {
    const short = provider.split('/').slice(-2).join('/');
    for (const mode of options.dataSources === false ? (['managed'] as const) : (['managed', 'data'] as const)) {
      for (const type of schemas.resourceTypes(provider, mode)) {
        const schema = schemas.resourceSchema(provider, type, mode);
        if (!schema) continue;
        const keyword = mode === 'managed' ? 'resource' : 'data';
        const lines = [`${keyword} "${type}" (${short})`, ...renderBlock(schema.block, '  ', 0)];
        documents.push({
          id: `schema:${mode === 'data' ? 'data.' : ''}${type}`,
          kind: 'schema',
          title: `${keyword} ${type}`,
          keywords: [type.replace(/_/g, ' '), mode === 'data' ? 'data source' : 'resource', ...Object.keys(schema.block.block_types ?? {})].join(' '),
          text: lines.join('\n'),
          source: provider,
        });
      }
    }
  }
  return documents;
}

function renderBlock(block: SchemaBlock, indent: string, depth: number): string[] {
  const attributes = Object.entries(block.attributes ?? {}).filter(([name, a]) => name !== 'id' && !a.deprecated);
  const type = (a: (typeof attributes)[number][1]): string => (a.type !== undefined ? ctyTypeName(a.type) : `nested ${a.nested_type?.nesting_mode ?? 'object'}`);
  const required = attributes.filter(([, a]) => a.required).map(([n, a]) => `${n} (${type(a)})`);
  const optional = attributes.filter(([, a]) => a.optional).map(([n, a]) => `${n} (${type(a)})`);
  const computed = attributes.filter(([, a]) => a.computed && !a.optional && !a.required).map(([n]) => n);
  const lines: string[] = [];
  if (required.length) lines.push(`${indent}required: ${required.join(', ')}`);
  if (optional.length) lines.push(`${indent}optional: ${optional.join(', ')}`);
  if (computed.length && depth === 0) lines.push(`${indent}read-only: ${computed.join(', ')}`);
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    if (nested.block.deprecated) continue;
    const limits = [nested.min_items ? `min ${nested.min_items}` : '', nested.max_items ? `max ${nested.max_items}` : ''].filter(Boolean).join(', ');
    lines.push(`${indent}block ${name} (${nested.nesting_mode}${limits ? `, ${limits}` : ''})${depth >= 2 ? ' {...}' : ''}`);
    if (depth < 2) lines.push(...renderBlock(nested.block, `${indent}  `, depth + 1));
  }
  return lines;
}
