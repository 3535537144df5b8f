import { noItems, type Attribute, type Block, type Body, type Expression, type HclFile } from '../hcl/ast.ts';
import type {
  ModuleCall,
  Output,
  ProviderConfig,
  Resource,
  TerraformModule,
  TerraformSettings,
  Variable,
} from './model.ts';

/**
 * Builds the typed Terraform model of one module from its parsed files (blocks already merged with
 * override files). Pure: no file system access; child modules are attached by load-module.ts.
 */

const RESOURCE_META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);
const RESOURCE_META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
const MODULE_META_ATTRIBUTES = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export function attribute(body: Body, name: string): Attribute | undefined {
  for (const attr of body.attributes) if (attr.name === name) return attr;
  return undefined;
}

/** The string of a literal (or text-only template) expression, else undefined. */
export function literalString(expr: Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : expr.value === null ? undefined : String(expr.value);
  if (expr.kind === 'template' && expr.parts.every((p) => p.kind === 'text')) {
    return expr.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  }
  return undefined;
}

export function literalBoolean(expr: Expression | undefined): boolean | undefined {
  if (expr?.kind === 'literal' && typeof expr.value === 'boolean') return expr.value;
  return undefined;
}

/** Items of a tuple expression (`depends_on = [a, b]`); a non-tuple yields itself. */
export function listItems(expr: Expression | undefined): Expression[] {
  if (!expr) return noItems();
  return expr.kind === 'tuple' ? expr.items : [expr];
}

export function emptyModule(dir: string, path: string[], files: HclFile[]): TerraformModule {
  return { dir, path, files, terraform: [], providers: [], variables: [], locals: [], outputs: [], resources: [], moduleCalls: [], otherBlocks: [] };
}

/** Adds the top-level blocks of `body` to `module`. */
export function addTopLevelBlocks(module: TerraformModule, blocks: Block[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'terraform':
        module.terraform.push(terraformSettings(block));
        break;
      case 'provider':
        module.providers.push(providerConfig(block));
        break;
      case 'variable':
        module.variables.push(variable(block));
        break;
      case 'locals':
        for (const attr of block.body.attributes) module.locals.push({ name: attr.name, attribute: attr, block });
        break;
      case 'output':
        module.outputs.push(output(block));
        break;
      case 'resource':
      case 'data':
        if (block.labels.length === 2) module.resources.push(resourceFromBlock(block));
        else module.otherBlocks.push(block);
        break;
      case 'module':
        module.moduleCalls.push(moduleCall(block));
        break;
      default:
        module.otherBlocks.push(block);
        break;
    }
  }
}

function terraformSettings(block: Block): TerraformSettings {
  const settings: TerraformSettings = { block, requiredProviders: {} };
  const version = attribute(block.body, 'required_version');
  if (version) settings.requiredVersion = version.expr;
  for (const child of block.body.blocks) {
    if (child.type === 'backend' && !settings.backend) settings.backend = child;
    if (child.type !== 'required_providers') continue;
    for (const attr of child.body.attributes) {
      const entry: { source?: string; version?: string; range: typeof attr.range } = { range: attr.range };
      if (attr.expr.kind === 'object') {
        for (const item of attr.expr.items) {
          const key = literalString(item.key);
          const value = literalString(item.value);
          if (key === 'source' && value !== undefined) entry.source = value;
          if (key === 'version' && value !== undefined) entry.version = value;
        }
      } else {
        const legacyVersion = literalString(attr.expr);
        if (legacyVersion !== undefined) entry.version = legacyVersion;
      }
      settings.requiredProviders[attr.name] = entry;
    }
  }
  return settings;
}

function providerConfig(block: Block): ProviderConfig {
  const config: ProviderConfig = { name: block.labels[0] ?? '', block };
  const alias = literalString(attribute(block.body, 'alias')?.expr);
  if (alias !== undefined) config.alias = alias;
  return config;
}

function variable(block: Block): Variable {
  const body = block.body;
  const result: Variable = {
    name: block.labels[0] ?? '',
    sensitive: literalBoolean(attribute(body, 'sensitive')?.expr) ?? false,
    nullable: literalBoolean(attribute(body, 'nullable')?.expr) ?? true,
    validations: only(body.blocks, (b) => b.type === 'validation'),
    block,
  };
  const type = attribute(body, 'type');
  if (type) result.type = type.expr;
  const defaultValue = attribute(body, 'default');
  if (defaultValue) result.default = defaultValue.expr;
  const description = literalString(attribute(body, 'description')?.expr);
  if (description !== undefined) result.description = description;
  return result;
}

function output(block: Block): Output {
  const body = block.body;
  const result: Output = {
    name: block.labels[0] ?? '',
    sensitive: literalBoolean(attribute(body, 'sensitive')?.expr) ?? false,
    dependsOn: listItems(attribute(body, 'depends_on')?.expr),
    block,
  };
  const value = attribute(body, 'value');
  if (value) result.value = value.expr;
  const description = literalString(attribute(body, 'description')?.expr);
  if (description !== undefined) result.description = description;
  return result;
}

/** `aws.west` / `aws` in `provider = ...`: local name and alias. */
function providerReference(expr: Expression): { name: string; alias?: string } | undefined {
  if (expr.kind === 'traversal') {
    const step = expr.steps[0];
    return step?.kind === 'attr' ? { name: expr.root, alias: step.name } : { name: expr.root };
  }
  const text = literalString(expr);
  if (text === undefined) return undefined;
  const [name, alias] = text.split('.');
  return alias ? { name: name ?? '', alias } : { name: name ?? '' };
}

/** The provider local name Terraform implies for a resource type: the prefix before the first `_`. */
export function impliedProviderName(type: string): string {
  const known = impliedNames.get(type);
  if (known !== undefined) return known;
  const underscore = type.indexOf('_');
  const name = underscore === -1 ? type : type.slice(0, underscore);
  // One string per resource type, not one per resource (a slice is a new string each time).
  if (impliedNames.size < MAX_IMPLIED_NAMES) impliedNames.set(type, name);
  return name;
}

/** `impliedProviderName`'s answers by resource type, up to a bound (types are few; hostile input cannot grow it). */
const impliedNames = new Map<string, string>();
const MAX_IMPLIED_NAMES = 4096;

/**
 * `items` without those `drop` matches: `items` itself when none does (most resources have no meta-argument), so a
 * resource's configuration shares its block's arrays instead of copying them (the model is read-only once loaded).
 */
function without<T>(items: T[], drop: (item: T) => boolean): T[] {
  return items.some(drop) ? items.filter((item) => !drop(item)) : items;
}

/** The items `keep` matches, or the shared empty list when none does (most resources have no provisioner). */
function only<T>(items: T[], keep: (item: T) => boolean): T[] {
  return items.some(keep) ? items.filter(keep) : noItems();
}

/** `body` without its meta-arguments: `body` itself when it has none (most resources), else a body of the rest. */
function resourceConfig(body: Body): Body {
  const attributes = without(body.attributes, (a) => RESOURCE_META_ATTRIBUTES.has(a.name));
  const blocks = without(body.blocks, (b) => RESOURCE_META_BLOCKS.has(b.type));
  if (attributes === body.attributes && blocks === body.blocks) return body;
  return { attributes, blocks, range: body.range, ...(body.endRange ? { endRange: body.endRange } : {}) };
}

export function resourceFromBlock(block: Block): Resource {
  const [type = '', name = ''] = block.labels;
  const mode = block.type === 'data' ? 'data' : 'managed';
  const body = block.body;
  const result: Resource = {
    mode,
    type,
    name,
    address: mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
    providerLocalName: impliedProviderName(type),
    dependsOn: listItems(attribute(body, 'depends_on')?.expr),
    provisioners: only(body.blocks, (b) => b.type === 'provisioner'),
    config: resourceConfig(body),
    block,
  };
  const providerAttr = attribute(body, 'provider');
  const provider = providerAttr ? providerReference(providerAttr.expr) : undefined;
  if (provider) {
    result.providerLocalName = provider.name;
    if (provider.alias) result.providerAlias = provider.alias;
  }
  const count = attribute(body, 'count');
  if (count) result.count = count.expr;
  const forEach = attribute(body, 'for_each');
  if (forEach) result.forEach = forEach.expr;
  const lifecycle = body.blocks.find((b) => b.type === 'lifecycle');
  if (lifecycle) result.lifecycle = lifecycle;
  const connection = body.blocks.find((b) => b.type === 'connection');
  if (connection) result.connection = connection;
  return result;
}

function moduleCall(block: Block): ModuleCall {
  const body = block.body;
  const result: ModuleCall = {
    name: block.labels[0] ?? '',
    dependsOn: listItems(attribute(body, 'depends_on')?.expr),
    inputs: body.attributes.filter((a) => !MODULE_META_ATTRIBUTES.has(a.name)),
    block,
  };
  const source = literalString(attribute(body, 'source')?.expr);
  if (source !== undefined) result.source = source;
  const version = literalString(attribute(body, 'version')?.expr);
  if (version !== undefined) result.version = version;
  const count = attribute(body, 'count');
  if (count) result.count = count.expr;
  const forEach = attribute(body, 'for_each');
  if (forEach) result.forEach = forEach.expr;
  const providers = attribute(body, 'providers');
  if (providers) result.providers = providers.expr;
  return result;
}
