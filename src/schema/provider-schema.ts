/**
 * Types for `terraform providers schema -json` (format_version 1.0), the format of every schema iacpac
 * reads: the bundled compact artifacts under assets/schemas/ and user files given with `--schema`.
 */

/**
 * A cty type in JSON form: `"string"`, `"number"`, `"bool"`, `"dynamic"`, `["list", T]`, `["set", T]`,
 * `["map", T]`, `["object", {attr: T}, ["optional_attr"...]?]`, `["tuple", [T...]]`.
 */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | ['list' | 'set' | 'map', CtyType]
  | ['object', Record<string, CtyType>]
  | ['object', Record<string, CtyType>, string[]]
  | ['tuple', CtyType[]];

export interface SchemaAttribute {
  /** Absent when `nested_type` is set (protocol 6 nested attributes). */
  type?: CtyType;
  nested_type?: SchemaNestedType;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

/** An attribute whose value is an object (or collection of objects) with its own attribute schema. */
export interface SchemaNestedType {
  attributes: Record<string, SchemaAttribute>;
  nesting_mode: 'single' | 'list' | 'set' | 'map';
  min_items?: number;
  max_items?: number;
}

export type BlockNestingMode = 'single' | 'group' | 'list' | 'set' | 'map';

/** A nested block type (`ingress { ... }`) of a block. */
export interface SchemaBlockType {
  nesting_mode: BlockNestingMode;
  block: SchemaBlock;
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, SchemaBlockType>;
  deprecated?: boolean;
}

/** The schema of a provider configuration, a resource type or a data source type. */
export interface Schema {
  version: number;
  block: SchemaBlock;
}

export interface SchemaFunctionParameter {
  name: string;
  type: CtyType;
  allow_null_value?: boolean;
  allow_unknown_values?: boolean;
}

/** A provider-defined function (`provider::aws::arn_parse(...)`). */
export interface SchemaFunction {
  parameters?: SchemaFunctionParameter[];
  variadic_parameter?: SchemaFunctionParameter;
  return_type: CtyType;
}

export interface ProviderSchema {
  provider?: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  ephemeral_resource_schemas?: Record<string, Schema>;
  functions?: Record<string, SchemaFunction>;
}

/** The whole `terraform providers schema -json` document; keys are full provider addresses. */
export interface ProviderSchemasDocument {
  format_version: string;
  provider_schemas: Record<string, ProviderSchema>;
}

/** Which kind of schema a lookup wants (matches `Resource.mode` of the Terraform model, plus ephemeral). */
export type SchemaMode = 'managed' | 'data' | 'ephemeral';
