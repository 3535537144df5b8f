import type {
  ProviderSchema,
  ProviderSchemasDocument,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaBlockType,
  SchemaFunction,
  SchemaNestedType,
} from './provider-schema.ts';

/**
 * Drops everything validation and plan synthesis do not need (descriptions, description kinds, function
 * summaries) from a `terraform providers schema -json` document. The result has the same shape.
 */
export function compactProviderSchemas(doc: ProviderSchemasDocument): ProviderSchemasDocument {
  const provider_schemas: Record<string, ProviderSchema> = {};
  for (const [address, provider] of Object.entries(doc.provider_schemas)) {
    provider_schemas[address] = compactProvider(provider);
  }
  return { format_version: doc.format_version, provider_schemas };
}

function compactProvider(provider: ProviderSchema): ProviderSchema {
  const out: ProviderSchema = {};
  if (provider.provider) out.provider = compactSchema(provider.provider);
  if (provider.resource_schemas) out.resource_schemas = mapValues(provider.resource_schemas, compactSchema);
  if (provider.data_source_schemas) out.data_source_schemas = mapValues(provider.data_source_schemas, compactSchema);
  if (provider.ephemeral_resource_schemas) {
    out.ephemeral_resource_schemas = mapValues(provider.ephemeral_resource_schemas, compactSchema);
  }
  if (provider.functions) out.functions = mapValues(provider.functions, compactFunction);
  return out;
}

function compactSchema(schema: Schema): Schema {
  return { version: schema.version, block: compactBlock(schema.block) };
}

function compactBlock(block: SchemaBlock): SchemaBlock {
  const out: SchemaBlock = {};
  if (block.attributes) out.attributes = mapValues(block.attributes, compactAttribute);
  if (block.block_types) out.block_types = mapValues(block.block_types, compactBlockType);
  if (block.deprecated) out.deprecated = true;
  return out;
}

function compactBlockType(blockType: SchemaBlockType): SchemaBlockType {
  const out: SchemaBlockType = { nesting_mode: blockType.nesting_mode, block: compactBlock(blockType.block) };
  if (blockType.min_items) out.min_items = blockType.min_items;
  if (blockType.max_items) out.max_items = blockType.max_items;
  return out;
}

function compactAttribute(attribute: SchemaAttribute): SchemaAttribute {
  const out: SchemaAttribute = {};
  if (attribute.type !== undefined) out.type = attribute.type;
  if (attribute.nested_type) out.nested_type = compactNestedType(attribute.nested_type);
  for (const flag of ['required', 'optional', 'computed', 'sensitive', 'deprecated', 'write_only'] as const) {
    if (attribute[flag]) out[flag] = true;
  }
  return out;
}

function compactNestedType(nested: SchemaNestedType): SchemaNestedType {
  const out: SchemaNestedType = { attributes: mapValues(nested.attributes, compactAttribute), nesting_mode: nested.nesting_mode };
  if (nested.min_items) out.min_items = nested.min_items;
  if (nested.max_items) out.max_items = nested.max_items;
  return out;
}

function compactFunction(fn: SchemaFunction): SchemaFunction {
  const out: SchemaFunction = { return_type: fn.return_type };
  const parameter = (p: NonNullable<SchemaFunction['variadic_parameter']>) => {
    const q: typeof p = { name: p.name, type: p.type };
    if (p.allow_null_value) q.allow_null_value = true;
    if (p.allow_unknown_values) q.allow_unknown_values = true;
    return q;
  };
  if (fn.parameters) out.parameters = fn.parameters.map(parameter);
  if (fn.variadic_parameter) out.variadic_parameter = parameter(fn.variadic_parameter);
  return out;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const key of Object.keys(record).sort()) out[key] = fn(record[key] as T);
  return out;
}
