/**
 * Types for Terraform's JSON plan representation (`terraform show -json <planfile>`, format_version 1.2),
 * the document every policy reads. Only the parts a fresh (empty-state) plan contains are typed strictly.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One configuration expression: `{constant_value}`, `{references}`, or `{}` when neither applies. */
export interface ExpressionJson {
  constant_value?: JsonValue;
  references?: string[];
}

/** Attribute name -> expression, block type name -> list of nested expression maps (or one map for single blocks). */
export interface ExpressionsJson {
  [name: string]: ExpressionJson | ExpressionsJson | ExpressionsJson[];
}

export interface ResourceValuesJson {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  schema_version: number;
  values?: JsonObject;
  sensitive_values: JsonValue;
}

export interface ModuleValuesJson {
  resources?: ResourceValuesJson[];
  address?: string;
  child_modules?: ModuleValuesJson[];
}

export interface OutputValueJson {
  sensitive: boolean;
  value?: JsonValue;
  type?: JsonValue;
}

export interface ValuesJson {
  outputs?: Record<string, OutputValueJson>;
  root_module: ModuleValuesJson;
}

export interface ChangeJson {
  actions: string[];
  before: JsonValue;
  after: JsonValue;
  after_unknown: JsonValue;
  before_sensitive: JsonValue;
  after_sensitive: JsonValue;
}

export interface ResourceChangeJson {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  change: ChangeJson;
  action_reason?: string;
}

export interface ProviderConfigJson {
  name: string;
  full_name: string;
  alias?: string;
  module_address?: string;
  version_constraint?: string;
  expressions?: ExpressionsJson;
}

export interface ConfigResourceJson {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider_config_key: string;
  provisioners?: Array<{ type: string; expressions?: ExpressionsJson }>;
  expressions?: ExpressionsJson;
  schema_version: number;
  count_expression?: ExpressionJson;
  for_each_expression?: ExpressionJson;
  depends_on?: string[];
}

export interface ConfigOutputJson {
  sensitive?: boolean;
  expression: ExpressionJson;
  description?: string;
  depends_on?: string[];
}

export interface ConfigVariableJson {
  default?: JsonValue;
  description?: string;
  sensitive?: boolean;
}

export interface ConfigModuleCallJson {
  source: string;
  expressions?: ExpressionsJson;
  count_expression?: ExpressionJson;
  for_each_expression?: ExpressionJson;
  module: ConfigModuleJson;
  version_constraint?: string;
  depends_on?: string[];
}

export interface ConfigModuleJson {
  outputs?: Record<string, ConfigOutputJson>;
  resources?: ConfigResourceJson[];
  module_calls?: Record<string, ConfigModuleCallJson>;
  variables?: Record<string, ConfigVariableJson>;
}

export interface ConfigurationJson {
  provider_config?: Record<string, ProviderConfigJson>;
  root_module: ConfigModuleJson;
}

export interface OutputChangeJson {
  actions: string[];
  before: JsonValue;
  after?: JsonValue;
  after_unknown: JsonValue;
  before_sensitive: JsonValue;
  after_sensitive: JsonValue;
}

export interface PlanJson {
  format_version: string;
  terraform_version: string;
  variables?: Record<string, { value: JsonValue }>;
  planned_values: ValuesJson;
  resource_changes?: ResourceChangeJson[];
  output_changes?: Record<string, OutputChangeJson>;
  prior_state?: { format_version: string; terraform_version: string; values: ValuesJson };
  configuration: ConfigurationJson;
  relevant_attributes?: Array<{ resource: string; attribute: Array<string | number> }>;
  checks?: Array<{ address: Record<string, JsonValue>; status: string; instances?: Array<{ address: Record<string, JsonValue>; status: string }> }>;
  timestamp: string;
  applyable: boolean;
  complete: boolean;
  errored: boolean;
}
