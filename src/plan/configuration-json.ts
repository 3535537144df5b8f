import type { Expression } from '../hcl/ast.ts';
import type { ProviderSchemas } from '../schema/index.ts';
import { normalizeProviderAddress, requiredProvidersOf, resolveResourceProvider } from '../schema/index.ts';
import { evaluate } from '../terraform/eval/evaluate.ts';
import { isWhollyKnown } from '../terraform/eval/value.ts';
import type { LenientReading } from '../terraform/eval/context.ts';
import type { Configuration, ModuleCall, TerraformModule } from '../terraform/model.ts';
import { marshalBody, marshalDependsOn, marshalExpression, type SourceText } from './expression-json.ts';
import type {
  ConfigModuleCallJson,
  ConfigModuleJson,
  ConfigOutputJson,
  ConfigResourceJson,
  ConfigurationJson,
  ConfigVariableJson,
  ExpressionsJson,
  JsonValue,
  ProviderConfigJson,
} from './plan-json.ts';
import { applyTypeConstraint, typeConstraintFromExpr } from '../terraform/eval/type-constraint.ts';
import { knownJson } from './values-json.ts';
import { moduleAddress } from '../terraform/module-address.ts';

/**
 * The plan's `configuration` section (Terraform's jsonconfig): provider configurations, and per module
 * the resources (sorted by address) with their argument expressions, module calls, variables and outputs.
 */
export function configurationJson(
  config: Configuration,
  schemas: ProviderSchemas | undefined,
  options: { lenient?: LenientReading } = {},
): ConfigurationJson {
  const provider_config: Record<string, ProviderConfigJson> = {};
  collectProviderConfigs(config.root, [], schemas, provider_config, []);
  const sources = new Map<string, string>();
  const collect = (module: TerraformModule, depth: number) => {
    for (const file of module.files) sources.set(file.filename, file.source);
    if (depth < 32) for (const call of module.moduleCalls) if (call.module) collect(call.module, depth + 1);
  };
  collect(config.root, 0);
  const out: ConfigurationJson = { root_module: moduleJson(config.root, [], schemas, [], [], sources, options.lenient) };
  if (Object.keys(provider_config).length > 0) out.provider_config = provider_config;
  return out;
}

function opaqueKey(provider: string, path: string[]): string {
  return path.length > 0 ? `${moduleAddress(path)}:${provider}` : provider;
}

function collectProviderConfigs(
  module: TerraformModule,
  path: string[],
  schemas: ProviderSchemas | undefined,
  out: Record<string, ProviderConfigJson>,
  stack: TerraformModule[],
): void {
  if (stack.includes(module) || stack.length > 32) return;
  const required = requiredProvidersOf(module);
  const versions = new Map<string, string>();
  for (const settings of module.terraform) {
    for (const [name, requirement] of Object.entries(settings.requiredProviders)) if (requirement.version) versions.set(name, requirement.version);
  }
  const moduleAddr = moduleAddress(path);
  for (const provider of module.providers) {
    const key = opaqueKey(provider.alias ? `${provider.name}.${provider.alias}` : provider.name, path);
    const fullName = required.get(provider.name) ?? normalizeProviderAddress(provider.name);
    const entry: ProviderConfigJson = { name: provider.name, full_name: fullName };
    if (provider.alias) entry.alias = provider.alias;
    if (moduleAddr) entry.module_address = moduleAddr;
    const version = versions.get(provider.name);
    if (version) entry.version_constraint = version;
    const schema = schemas?.providerConfigSchema(fullName);
    const body = { ...provider.block.body, attributes: provider.block.body.attributes.filter((a) => a.name !== 'alias' && a.name !== 'version') };
    const expressions = marshalBody(body, schema?.block);
    if (Object.keys(expressions).length > 0) entry.expressions = expressions;
    out[key] = entry;
  }
  for (const [name, fullName] of required) {
    const key = opaqueKey(name, path);
    if (out[key]) continue;
    const entry: ProviderConfigJson = { name, full_name: fullName };
    if (moduleAddr) entry.module_address = moduleAddr;
    const version = versions.get(name);
    if (version) entry.version_constraint = version;
    out[key] = entry;
  }
  for (const resource of module.resources) {
    const { localName, address } = resolveResourceProvider(resource, required);
    if (resource.providerAlias) continue;
    if (path.length > 0 && !required.has(localName) && !module.providers.some((p) => p.name === localName)) continue;
    const key = opaqueKey(localName, path);
    if (out[key]) continue;
    const entry: ProviderConfigJson = { name: localName, full_name: address };
    if (moduleAddr) entry.module_address = moduleAddr;
    out[key] = entry;
  }
  for (const call of module.moduleCalls) {
    if (call.module) collectProviderConfigs(call.module, [...path, call.name], schemas, out, [...stack, module]);
  }
}

/**
 * The key of the provider configuration a resource uses: the nearest module (up to the root) declaring it,
 * following `providers = { aws = aws.west }` maps of the module calls on the way up.
 */
function providerConfigKey(localName: string, alias: string | undefined, path: string[], chain: TerraformModule[], calls: ModuleCall[]): string {
  let name = alias ? `${localName}.${alias}` : localName;
  for (let depth = chain.length - 1; depth > 0; depth--) {
    const module = chain[depth]!;
    const [local, maybeAlias] = name.split('.') as [string, string | undefined];
    if (module.providers.some((p) => p.name === local && p.alias === maybeAlias)) return opaqueKey(name, path.slice(0, depth));
    const mapped = providerMapping(calls[depth - 1])?.get(name);
    if (mapped) name = mapped;
  }
  return name;
}

/** A module call's `providers = { child_name = parent.name }` map. */
function providerMapping(call: ModuleCall | undefined): Map<string, string> | undefined {
  const expr = call?.providers;
  if (!expr || expr.kind !== 'object') return undefined;
  const out = new Map<string, string>();
  const text = (e: Expression): string | undefined => {
    if (e.kind === 'literal' && typeof e.value === 'string') return e.value;
    if (e.kind === 'template' && e.parts.length === 1 && e.parts[0]?.kind === 'text') return e.parts[0].value;
    if (e.kind !== 'traversal') return undefined;
    const first = e.steps[0];
    return first?.kind === 'attr' ? `${e.root}.${first.name}` : e.steps.length === 0 ? e.root : undefined;
  };
  for (const item of expr.items) {
    const key = text(item.key);
    const value = text(item.value);
    if (key && value) out.set(key, value);
  }
  return out;
}

function moduleJson(
  module: TerraformModule,
  path: string[],
  schemas: ProviderSchemas | undefined,
  chain: TerraformModule[],
  callChain: ModuleCall[] = [],
  sources?: SourceText,
  lenient?: LenientReading,
): ConfigModuleJson {
  const out: ConfigModuleJson = {};
  const here = [...chain, module];
  const required = requiredProvidersOf(module);

  const outputs: Record<string, ConfigOutputJson> = {};
  for (const output of module.outputs) {
    const entry: ConfigOutputJson = { expression: output.value ? marshalExpression(output.value, sources) : {} };
    if (output.sensitive) entry.sensitive = true;
    if (output.description) entry.description = output.description;
    if (output.dependsOn.length > 0) entry.depends_on = marshalDependsOn(output.dependsOn);
    outputs[output.name] = orderOutput(entry);
  }
  if (Object.keys(outputs).length > 0) out.outputs = outputs;

  const resources: ConfigResourceJson[] = [];
  for (const resource of module.resources) {
    const { address: providerAddress } = resolveResourceProvider(resource, required);
    const schema = schemas?.resourceSchema(providerAddress, resource.type, resource.mode);
    const entry: ConfigResourceJson = {
      address: resource.address,
      mode: resource.mode,
      type: resource.type,
      name: resource.name,
      provider_config_key: providerConfigKey(resource.providerLocalName, resource.providerAlias, path, here, callChain),
      schema_version: schema?.version ?? 0,
    };
    if (resource.provisioners.length > 0) {
      entry.provisioners = resource.provisioners.map((p) => {
        const expressions = marshalBody(
          { ...p.body, attributes: p.body.attributes.filter((a) => a.name !== 'when' && a.name !== 'on_failure'), blocks: p.body.blocks.filter((b) => b.type !== 'connection') },
          undefined,
        );
        return Object.keys(expressions).length > 0 ? { type: p.labels[0] ?? '', expressions } : { type: p.labels[0] ?? '' };
      });
    }
    const expressions = marshalBody(resource.config, schema?.block, 0, sources, lenient);
    if (Object.keys(expressions).length > 0) entry.expressions = expressions;
    if (resource.count) entry.count_expression = marshalExpression(resource.count, sources);
    if (resource.forEach) entry.for_each_expression = marshalExpression(resource.forEach, sources);
    if (resource.dependsOn.length > 0) entry.depends_on = marshalDependsOn(resource.dependsOn);
    resources.push(entry);
  }
  resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  if (resources.length > 0) out.resources = resources;

  const calls: Record<string, ConfigModuleCallJson> = {};
  for (const call of module.moduleCalls) {
    if (chain.includes(module) || here.length > 32) break;
    const expressions: ExpressionsJson = {};
    for (const input of call.inputs) expressions[input.name] = marshalExpression(input.expr, sources);
    const entry: ConfigModuleCallJson = {
      source: call.source ?? '',
      module: call.module ? moduleJson(call.module, [...path, call.name], schemas, here, [...callChain, call], sources, lenient) : {},
    };
    if (Object.keys(expressions).length > 0) entry.expressions = expressions;
    if (call.count) entry.count_expression = marshalExpression(call.count, sources);
    if (call.forEach) entry.for_each_expression = marshalExpression(call.forEach, sources);
    if (call.version) entry.version_constraint = call.version;
    if (call.dependsOn.length > 0) entry.depends_on = marshalDependsOn(call.dependsOn);
    calls[call.name] = entry;
  }
  if (Object.keys(calls).length > 0) out.module_calls = calls;

  const variables: Record<string, ConfigVariableJson> = {};
  for (const variable of module.variables) {
    const entry: ConfigVariableJson = {};
    if (variable.default) {
      const value = staticValue(variable.default, variable.type);
      if (value !== undefined) entry.default = value;
    }
    if (variable.description) entry.description = variable.description;
    if (variable.sensitive) entry.sensitive = true;
    variables[variable.name] = entry;
  }
  if (Object.keys(variables).length > 0) out.variables = variables;
  return out;
}

function orderOutput(entry: ConfigOutputJson): ConfigOutputJson {
  const out = {} as ConfigOutputJson;
  if (entry.sensitive) out.sensitive = true;
  out.expression = entry.expression;
  if (entry.description) out.description = entry.description;
  if (entry.depends_on) out.depends_on = entry.depends_on;
  return out;
}

/** A variable default evaluated without context and converted to the declared type. */
function staticValue(expr: Expression, typeExpr: Expression | undefined): JsonValue | undefined {
  const { value, diagnostics } = evaluate(expr, {});
  if (diagnostics.some((d) => d.severity === 'error') || !isWhollyKnown(value)) return undefined;
  const parsed = typeExpr ? typeConstraintFromExpr(typeExpr) : undefined;
  const converted = parsed && 'type' in parsed ? applyTypeConstraint(value, parsed) : { ok: true as const, value };
  return knownJson(converted.ok ? converted.value : value) ?? null;
}
