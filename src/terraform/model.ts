import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Attribute, Block, Body, Expression, HclFile } from '../hcl/ast.ts';

/**
 * The Terraform model of one module directory (root or child), built by `terraform/load-module.ts`.
 * Every element keeps its HCL block/attribute so consumers can reach any expression and its range.
 */
export interface TerraformModule {
  /** Absolute directory. */
  dir: string;
  /** Module path from the root: [] for root, ['net'] for module.net, ['net','sub'] ... */
  path: string[];
  files: HclFile[];
  terraform: TerraformSettings[];
  providers: ProviderConfig[];
  variables: Variable[];
  locals: Local[];
  outputs: Output[];
  resources: Resource[];
  /** Module calls; `module` is the loaded child when its source is local and loadable. */
  moduleCalls: ModuleCall[];
  /** Other top-level blocks (moved, import, check, removed...), kept for completeness. */
  otherBlocks: Block[];
}

export interface TerraformSettings {
  block: Block;
  requiredVersion?: Expression;
  /** `required_providers { aws = { source = "hashicorp/aws", version = "~> 5.0" } }` by local name. */
  requiredProviders: Record<string, { source?: string; version?: string; range: SourceRange }>;
  backend?: Block;
}

export interface ProviderConfig {
  /** Local name, e.g. 'aws'. */
  name: string;
  alias?: string;
  block: Block;
}

export interface Variable {
  name: string;
  type?: Expression;
  default?: Expression;
  description?: string;
  sensitive: boolean;
  nullable: boolean;
  validations: Block[];
  block: Block;
}

export interface Local {
  name: string;
  attribute: Attribute;
  /** The `locals` block that holds it. */
  block: Block;
}

export interface Output {
  name: string;
  value?: Expression;
  sensitive: boolean;
  description?: string;
  dependsOn: Expression[];
  block: Block;
}

export type ResourceMode = 'managed' | 'data';

export interface Resource {
  mode: ResourceMode;
  type: string;
  name: string;
  /** `aws_s3_bucket.b` or `data.aws_iam_policy_document.p` (module-relative). */
  address: string;
  /** Provider local name (from `provider = aws.west` or the type prefix), and alias if any. */
  providerLocalName: string;
  providerAlias?: string;
  count?: Expression;
  forEach?: Expression;
  dependsOn: Expression[];
  lifecycle?: Block;
  provisioners: Block[];
  connection?: Block;
  /** The resource body minus meta-arguments (count, for_each, provider, depends_on, lifecycle, provisioner, connection). */
  config: Body;
  block: Block;
}

export interface ModuleCall {
  name: string;
  source?: string;
  version?: string;
  count?: Expression;
  forEach?: Expression;
  providers?: Expression;
  dependsOn: Expression[];
  /** Input arguments (all attributes except meta-arguments). */
  inputs: Attribute[];
  block: Block;
  /** The loaded child module, when `source` is a local path. */
  module?: TerraformModule;
}

/** Input variable values from tfvars files and --var, by name, with where each came from. */
export interface VariableValues {
  [name: string]: { value: unknown; source: string };
}

/** What `loadConfiguration(dir, options)` returns. */
export interface Configuration {
  root: TerraformModule;
  variableValues: VariableValues;
  /** Load-time problems (syntax errors, unreadable files, module cycles, missing local modules...). */
  diagnostics: Diagnostic[];
  /**
   * Problems with input values (tfvars files, --var, TF_VAR_): undeclared variables, syntax errors in
   * tfvars, non-constant values. Kept apart because `terraform validate` ignores input values; `plan` reports them.
   */
  variableDiagnostics?: Diagnostic[];
}
