import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Attribute, Block, Body, Expression, HclFile } from '../hcl/ast.ts';
import { normalizeProviderAddress, providerDisplayName } from '../schema/provider-address.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { resolveResourceProvider, requiredProvidersOf } from '../schema/resolve-provider.ts';
import { MAX_MODULE_DEPTH } from '../terraform/load-module.ts';
import { moduleAddress, modulePrefix } from '../terraform/module-address.ts';
import type { Configuration, Resource, TerraformModule } from '../terraform/model.ts';
import { configDiagnostics } from './config-checks.ts';
import { blockExpressions, DependencyGraph, referencedNodes } from './dependency-graph.ts';
import { errorAt, warningAt, type ValidatorDiagnostic } from './diagnostic.ts';
import { nameSuggestion } from './did-you-mean.ts';
import { evaluationDiagnostics, type EvaluationContext } from './evaluation.ts';
import { HASHICORP_PROVIDERS } from './known-providers.ts';
import { indexModule, resourceKey, type ModuleIndex } from './module-index.ts';
import { resourceFromBlock } from '../terraform/load-model.ts';
import { referenceDiagnostics, type EvalScope } from './references.ts';
import { decodeBody } from './schema-body.ts';
import { coreVersionDiagnostics } from './core-version.ts';
import { countValueDiagnostics, forEachValueDiagnostics } from './expansion-values.ts';
import { snippetValues } from './snippet-values.ts';
import { attachSnippets } from './snippet.ts';
import { staticValue } from './static-value.ts';
import { attributeType, conversionError } from './type-conversion.ts';
import { appendAll } from '../core/arrays.ts';
import { bundledProviderChecks } from '../schema/provider-checks/bundled-checks.ts';
import { buildConfigTree, isWhollyKnownValue } from './provider-checks/config-tree.ts';
import { runProviderChecks } from './provider-checks/run-provider-checks.ts';
import { ValidateScope } from './validate-values.ts';
import { isUnknown } from '../terraform/eval/value.ts';
import { AWS_PROVIDER_FUNCTIONS, type ProviderFunction, type ProviderFunctionLookup } from '../terraform/functions/provider-functions.ts';
import type { TypeJson } from '../terraform/functions/signature-types.ts';

/** A resource of a provider without a schema, and whether `required_providers` names that provider. */
type UncheckedResource = Resource & { providerDeclared: boolean };

export interface ValidateOptions {
  /** Absolute root directory of the configuration (relative file paths in functions resolve against it). */
  rootDir?: string;
}

/**
 * Validates a loaded configuration the way `terraform validate` does, without providers or network:
 * first the checks Terraform makes while loading (syntax, duplicates, meta-arguments; when one fails only
 * those are reported), then, per module, resource and data source bodies against provider schemas,
 * references, function calls and literal types. Diagnostics are in source order, with snippets.
 */
export function validateConfiguration(config: Configuration, schemas: ProviderSchemas, options: ValidateOptions = {}): Diagnostic[] {
  const rootDir = options.rootDir ?? config.root.dir;
  const modules = allModules(config.root);
  const files = modules.flatMap((module) => module.files);

  const loadErrors: ValidatorDiagnostic[] = [...config.diagnostics];
  for (const module of modules) appendAll(loadErrors, trustedConfigDiagnostics(module));
  if (loadErrors.some((d) => d.severity === 'error')) return finish(loadErrors, files);

  const out: ValidatorDiagnostic[] = [...loadErrors];
  const unchecked = new Map<string, UncheckedResource[]>();
  const graph = new DependencyGraph();
  for (const module of modules) {
    const pathModule = module.path.length === 0 ? '.' : relative(rootDir, module.dir).split(sep).join('/') || '.';
    addModuleVertices(graph, indexModule(module, pathModule), schemas, { rootDir, pathModule }, unchecked);
  }
  // An implied hashicorp/<name> provider that does not exist cannot be installed: Terraform stops there.
  const missing = [...unchecked.entries()].filter(([address, resources]) => {
    const [host, namespace, name] = address.split('/');
    return host === 'registry.terraform.io' && namespace === 'hashicorp' && name !== undefined && !HASHICORP_PROVIDERS.has(name) && resources.every((r) => !r.providerDeclared);
  });
  // Terraform checks the configuration's dependencies before it validates anything: its own version, then the providers.
  const versionDiagnostics = coreVersionDiagnostics(modules);
  const versionErrors = versionDiagnostics.filter((d) => d.severity === 'error');
  appendAll(out, versionDiagnostics.filter((d) => d.severity !== 'error'));
  if (missing.length > 0 || versionErrors.length > 0) {
    return finish(
      [
        ...loadErrors,
        ...versionErrors,
        ...missing.map(([address]) =>
          errorAt(
            'missing-required-provider',
            'Missing required provider',
            `This configuration requires provider ${address}, but that provider isn't available. You may be able to install it automatically by running:\n  terraform init`,
            undefined,
          ),
        ),
      ],
      files,
    );
  }
  // Terraform cannot walk a graph with a dependency cycle: it reports each cycle and nothing else. Cycles among
  // resources, data sources, local values, provider configurations, module inputs and outputs are modelled, across
  // modules; check blocks are left out.
  const explicitProviders = new Set(
    modules.flatMap((module) => module.moduleCalls.filter((call) => call.providers !== undefined).map((call) => modulePrefix([...module.path, call.name]))),
  );
  graph.inheritProviderEdges(explicitProviders);
  const cycles = graph.cycles((id) => !/^check\./.test(vertexInModule(id)));
  if (cycles.length > 0) {
    return finish(
      [...loadErrors, ...cycles.map((cycle) => errorAt('dependency-cycle', `Cycle: ${cycle.map((id) => graph.cycleName(id) ?? vertexName(id)).join(', ')}`, '', undefined))],
      files,
    );
  }
  appendAll(out, graph.walk());
  for (const [address, resources] of unchecked) {
    const first = resources[0] as Resource;
    const types = [...new Set(resources.map((r) => r.type))];
    out.push(
      warningAt(
        'provider-schema-missing',
        'Provider schema not available',
        `iacpac has no schema for provider ${providerDisplayName(address)}, so ${resources.length} resource(s) of type ${types.map((t) => `"${t}"`).join(', ')} were not checked. Pass the provider's schema with --schema <file> (the output of "terraform providers schema -json").`,
        first.block.labelRanges[0] ?? first.block.defRange,
      ),
    );
  }
  return finish(out, files);
}

/**
 * Load-time checks. Terraform runs them on what HCL recovered from a file with syntax errors too; our
 * recovery (tree-sitter) is less conservative than HCL's, so in a broken file whose recovered structure is
 * visibly wrong (nested blocks surfacing as top-level blocks) those checks are dropped.
 */
function trustedConfigDiagnostics(module: TerraformModule): ValidatorDiagnostic[] {
  const diagnostics = configDiagnostics(module);
  const broken = new Set(module.files.filter((file) => file.syntaxErrors.length > 0).map((file) => file.filename));
  if (broken.size === 0) return diagnostics;
  const garbled = new Set(
    diagnostics.filter((d) => d.code === 'unsupported-block-type' && d.range && broken.has(d.range.filename)).map((d) => d.range?.filename),
  );
  return diagnostics.filter((d) => !d.range || !garbled.has(d.range.filename));
}

function allModules(root: TerraformModule): TerraformModule[] {
  const out: TerraformModule[] = [];
  const visit = (module: TerraformModule, depth: number) => {
    out.push(module);
    if (depth > MAX_MODULE_DEPTH) return;
    for (const call of module.moduleCalls) if (call.module) visit(call.module, depth + 1);
  };
  visit(root, 0);
  return out;
}

function finish(diagnostics: ValidatorDiagnostic[], files: HclFile[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.severity}|${d.summary}|${d.detail}|${d.range ? `${d.range.filename}:${d.range.start.byte}-${d.range.end.byte}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = (d: ValidatorDiagnostic) => {
    const range = d.sortAt ?? d.range;
    return (range ? [range.filename, range.start.byte] : ['', -1]) as [string, number];
  };
  unique.sort((a, b) => {
    const [fa, ba] = order(a);
    const [fb, bb] = order(b);
    return fa < fb ? -1 : fa > fb ? 1 : ba - bb;
  });
  return attachSnippets(unique, files);
}

/** A vertex id without the module path in front (`module.a.aws_s3_bucket.b` -> `aws_s3_bucket.b`). */
function vertexInModule(id: string): string {
  return /^(?:module\.[^.]+\.)*(.*)$/.exec(id)?.[1] ?? id;
}

/**
 * A vertex as Terraform names it in a "Cycle:" error: local values, module variables and outputs and module calls
 * are their `(expand)` vertices.
 */
function vertexName(id: string): string {
  if (id.endsWith(' (close)')) return id;
  const inModule = vertexInModule(id);
  const expanded = /^local\.[^.]+$/.test(inModule) || /^module\.[^.]+$/.test(inModule) || (inModule !== id && /^(?:var|output)\.[^.]+$/.test(inModule));
  return expanded ? `${id} (expand)` : id;
}

/** Adds the graph vertices of one module to `graph`, each with the diagnostics of its own evaluation. */
function addModuleVertices(
  graph: DependencyGraph,
  index: ModuleIndex,
  schemas: ProviderSchemas,
  context: EvaluationContext,
  unchecked: Map<string, UncheckedResource[]>,
): void {
  const module = index.module;
  const prefix = modulePrefix(module.path);
  const parentCall = module.path.length > 0 ? moduleAddress(module.path) : undefined;
  const requiredProviders = requiredProvidersOf(module);
  const values = new ValidateScope(index, context.rootDir, providerFunctionLookup(requiredProviders, schemas));
  /** Terraform evaluates what passed the static checks; errors on known values (function calls, operators). */
  const evaluated = (expressions: Expression[], out: ValidatorDiagnostic[]) => {
    if (out.some((d) => d.severity === 'error')) return;
    for (const expr of expressions) values.evaluate(expr, out);
  };
  const scope = (overrides: Partial<EvalScope> = {}): EvalScope => ({ index, schemas, count: false, forEach: false, self: false, ...overrides });
  /**
   * A vertex depending on what `expressions` reference, plus `extra`. For cycles its edges are those of Terraform's
   * finer graph, from `cycleExpressions` when given (a module call's expansion reads only its meta-arguments).
   */
  const node = (id: string, expressions: Iterable<Expression>, diagnostics: ValidatorDiagnostic[], options: { extra?: string[]; cycleExpressions?: Expression[]; cycleName?: string } = {}) => {
    const dependsOn: string[] = [];
    const cycleDependsOn: string[] = [];
    referencedNodes(prefix, expressions, dependsOn, options.cycleExpressions ? undefined : cycleDependsOn);
    if (options.cycleExpressions) referencedNodes(prefix, options.cycleExpressions, [], cycleDependsOn);
    for (const edges of [dependsOn, cycleDependsOn]) {
      for (const dependency of options.extra ?? []) edges.push(dependency);
      if (parentCall) edges.push(parentCall);
    }
    graph.add(`${prefix}${id}`, diagnostics, dependsOn, cycleDependsOn, { withoutSelf: true, cycleName: options.cycleName || undefined });
  };

  /** References first; only when they are all valid does Terraform evaluate (functions, types). */
  const expressionBlock = (attributes: Attribute[], evalScope: EvalScope, out: ValidatorDiagnostic[]) => {
    const references = referenceDiagnostics(attributes.map((a) => a.expr), evalScope);
    if (references.length > 0) return void out.push(...references);
    for (const attribute of attributes) out.push(...evaluationDiagnostics(attribute.expr, context));
  };
  /**
   * A precondition, postcondition, check assertion or variable validation: Terraform evaluates its condition and
   * its error message as two separate expressions (references first, then the expression).
   */
  const checkRule = (rule: Block, evalScope: EvalScope, out: ValidatorDiagnostic[]) => {
    for (const attribute of rule.body.attributes) {
      if (attribute.name === 'condition' || attribute.name === 'error_message') expressionBlock([attribute], evalScope, out);
    }
  };
  /** `count` / `for_each`: their references and evaluation, then the value checks Terraform makes at validate time. */
  const expansionBlock = (meta: Attribute[], out: ValidatorDiagnostic[]) => {
    const before = out.length;
    expressionBlock(meta, scope(), out);
    if (out.slice(before).some((d) => d.severity === 'error')) return;
    for (const attribute of meta) {
      const value = values.evaluate(attribute.expr, []);
      const found = attribute.name === 'count' ? countValueDiagnostics(value, attribute.expr) : forEachValueDiagnostics(value, attribute.expr);
      // Terraform lists the expression's values under conversion and for_each errors (not under count's own checks).
      for (const d of found) {
        if (d.summary !== 'Invalid count argument') d.values = snippetValues(attribute.expr, (t) => values.evaluate(t, []));
        out.push(d);
      }
    }
  };
  const providerChecks = bundledProviderChecks();
  /**
   * Whether the content of the dynamic blocks around an expression is generated at validate time. When a
   * `for_each` is unknown there (it depends on a variable, a resource...), HCL's dynblock produces one block of
   * unknown values without evaluating the content: Terraform checks neither its references nor its calls.
   */
  const knownForEach = new Map<Expression, boolean>();
  const expanded = (forEach: readonly Expression[]): boolean =>
    forEach.every((expr) => {
      let known = knownForEach.get(expr);
      if (known === undefined) knownForEach.set(expr, (known = !isUnknown(values.evaluate(expr, []))));
      return known;
    });

  for (const resource of module.resources) {
    const out: ValidatorDiagnostic[] = [];
    const id = resource.mode === 'data' ? `data.${resource.type}.${resource.name}` : `${resource.type}.${resource.name}`;
    const providerNode = `${prefix}provider.${resource.providerLocalName}${resource.providerAlias ? `.${resource.providerAlias}` : ''}`;
    node(id, blockExpressions(resource.block), out, { extra: [providerNode] });
    validateResource(resource, id, out);
    const resourceScope = scope({ count: resource.count !== undefined, forEach: resource.forEach !== undefined });
    for (const lifecycle of resource.block.body.blocks) {
      if (lifecycle.type !== 'lifecycle') continue;
      for (const rule of lifecycle.body.blocks) {
        if (rule.type === 'precondition') checkRule(rule, resourceScope, out);
        else if (rule.type === 'postcondition') checkRule(rule, { ...resourceScope, self: true }, out);
      }
    }
  }

  function validateResource(resource: Resource, id: string, out: ValidatorDiagnostic[]): void {
    if (resource.providerAlias !== undefined && module.path.length === 0) {
      const configured = module.providers.some((p) => p.name === resource.providerLocalName && p.alias === resource.providerAlias);
      if (!configured) {
        const address = resolveResourceProvider(resource, requiredProviders).address;
        out.push(
          errorAt(
            'provider-configuration-not-present',
            'Provider configuration not present',
            `To work with ${resource.address} its original provider configuration at provider["${address}"].${resource.providerAlias} is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy ${resource.address}, after which you can remove the provider configuration again.`,
            undefined,
          ),
        );
        return;
      }
    }
    const meta = resource.block.body.attributes.filter((a) => a.name === 'count' || a.name === 'for_each');
    expansionBlock(meta, out);
    // depends_on is parsed into references but never evaluated.
    out.push(...referenceDiagnostics(resource.dependsOn, scope(), { evaluate: false }).filter((d) => d.code !== 'missing-instance-key'));

    const provider = resolveResourceProvider(resource, requiredProviders);
    if (!schemas.has(provider.address)) {
      const list = unchecked.get(provider.address) ?? [];
      list.push({ ...resource, providerDeclared: provider.declared });
      unchecked.set(provider.address, list);
      return;
    }
    const schema = schemas.resourceSchema(provider.address, resource.type, resource.mode);
    if (!schema) {
      out.push(invalidTypeDiagnostic(resource, provider.address, schemas));
      return;
    }
    const resourceScope = scope({ count: resource.count !== undefined, forEach: resource.forEach !== undefined });
    const decoded = decodeBody(resource.config, schema.block);
    const references = referenceDiagnostics(
      decoded.expressions.filter((e) => expanded(e.forEach)),
      resourceScope,
    );
    if (references.some((d) => d.severity === 'error')) {
      out.push(...references);
      return;
    }
    out.push(...decoded.content);
    for (const typed of decoded.typed) {
      if (!expanded(typed.forEach)) continue;
      const evaluation = evaluationDiagnostics(typed.attribute.expr, context);
      if (evaluation.length > 0) {
        out.push(...evaluation);
        continue;
      }
      // A dynamic block whose for_each is unknown at validate time generates one block of unknown values: Terraform
      // converts the content's values only when every for_each around them is known.
      if (typed.forEach.some((expr) => !isWhollyKnownValue(values.evaluate(expr, [])))) continue;
      const problem = conversionError(staticValue(typed.attribute.expr), attributeType(typed.schema));
      if (problem) {
        out.push(
          errorAt(
            'incorrect-attribute-type',
            'Incorrect attribute value type',
            `Inappropriate value for attribute "${typed.attribute.name}": ${problem}.`,
            typed.attribute.expr.range,
          ),
        );
      }
    }
    if (out.some((d) => d.severity === 'error')) return;
    // The body as the provider receives it: values known at validate time (evaluation errors stop here).
    const evaluation: ValidatorDiagnostic[] = [];
    const tree = buildConfigTree(resource.config, schema.block, values, evaluation);
    if (evaluation.length > 0) return void out.push(...evaluation);
    // Provider-side validation (only reached when the configuration decoded cleanly): read-only attributes,
    // then the provider's own argument checks.
    const checks = providerChecks.get(provider.address)?.lookup(resource.mode, resource.type);
    if (checks) out.push(...runProviderChecks(checks, tree, `${prefix}${id}`));
    for (const typed of decoded.typed) {
      if (typed.schema.computed && !typed.schema.optional && !typed.schema.required) {
        out.push({
          ...errorAt(
            'unconfigurable-attribute',
            'Value for unconfigurable attribute',
            `Can't configure a value for "${typed.attribute.name}": its value will be decided automatically based on the result of applying this configuration.`,
            undefined,
          ),
          address: `${prefix}${id}`,
          range: typed.attribute.expr.range,
        });
      }
    }
    if (out.some((d) => d.severity === 'error')) return;
    for (const block of [...resource.provisioners, ...(resource.connection ? [resource.connection] : [])]) {
      // A provisioner's `when` (create/destroy) and `on_failure` (continue/fail) are keywords, not expressions.
      const attributes = allAttributes(block.body).filter((a) => block.type !== 'provisioner' || !PROVISIONER_KEYWORDS.has(a.name));
      expressionBlock(attributes, scope({ ...resourceScope, self: true }), out);
    }
  }

  for (const local of module.locals) {
    const out: ValidatorDiagnostic[] = [];
    expressionBlock([local.attribute], scope(), out);
    if (!out.some((d) => d.severity === 'error')) out.push(...values.localDiagnostics(local.name));
    node(`local.${local.name}`, [local.attribute.expr], out);
  }
  for (const variable of module.variables) {
    const out: ValidatorDiagnostic[] = [];
    for (const rule of variable.validations) checkRule(rule, scope(), out);
    node(`var.${variable.name}`, [], out);
  }
  for (const check of module.otherBlocks) {
    if (check.type !== 'check' || check.labels[0] === undefined) continue;
    const out: ValidatorDiagnostic[] = [];
    // Data sources declared inside the check block are visible only to its assertions.
    const resources = new Map(index.resources);
    for (const data of check.body.blocks) {
      if (data.type !== 'data' || data.labels.length !== 2) continue;
      const scoped = resourceFromBlock(data);
      const key = resourceKey('data', scoped.type, scoped.name);
      if (!resources.has(key)) resources.set(key, scoped);
    }
    const checkScope = scope({ index: { ...index, resources } });
    for (const rule of check.body.blocks) if (rule.type === 'assert') checkRule(rule, checkScope, out);
    node(`check.${check.labels[0]}`, blockExpressions(check), out);
  }
  for (const output of module.outputs) {
    const out: ValidatorDiagnostic[] = [];
    const value = output.block.body.attributes.filter((a) => a.name === 'value');
    expressionBlock(value, scope(), out);
    evaluated(value.map((a) => a.expr), out);
    for (const rule of output.block.body.blocks) if (rule.type === 'precondition') checkRule(rule, scope(), out);
    node(`output.${output.name}`, blockExpressions(output.block), out);
  }
  for (const call of module.moduleCalls) {
    const out: ValidatorDiagnostic[] = [];
    const meta = call.block.body.attributes.filter((a) => a.name === 'count' || a.name === 'for_each');
    expansionBlock(meta, out);
    expressionBlock(call.inputs, scope({ count: call.count !== undefined, forEach: call.forEach !== undefined }), out);
    // For cycles, the call's expansion depends on its meta-arguments, and each input variable on its own argument.
    const expansion = [call.count, call.forEach, ...call.dependsOn].filter((e): e is Expression => e !== undefined);
    node(`module.${call.name}`, blockExpressions(call.block), out, { cycleExpressions: expansion });
    for (const input of call.inputs) {
      const cycleDependsOn: string[] = [];
      referencedNodes(prefix, [input.expr], [], cycleDependsOn);
      cycleDependsOn.push(`${prefix}module.${call.name}`);
      graph.add(`${prefix}module.${call.name}.var.${input.name}`, [], [], cycleDependsOn, { cycleOnly: true });
    }
    graph.add(`${prefix}module.${call.name} (close)`, [], [], [], { cycleOnly: true });
  }
  for (const provider of module.providers) {
    const out: ValidatorDiagnostic[] = [];
    const address = requiredProviders.get(provider.name) ?? provider.name;
    const schema = schemas.providerConfigSchema(address);
    const body: Body = {
      ...provider.block.body,
      attributes: provider.block.body.attributes.filter((a) => a.name !== 'alias' && a.name !== 'version'),
    };
    const alias = provider.alias ? `.${provider.alias}` : '';
    // Terraform names a provider configuration by its source address: provider["registry.terraform.io/hashicorp/aws"].west
    const source = requiredProviders.get(provider.name) ?? normalizeProviderAddress(provider.name);
    node(`provider.${provider.name}${alias}`, blockExpressions(provider.block), out, { cycleName: `${prefix}provider["${source}"]${alias}` });
    if (!schema) {
      expressionBlock(body.attributes, scope(), out);
      continue;
    }
    const decoded = decodeBody(body, schema.block);
    const references = referenceDiagnostics(
      decoded.expressions.filter((e) => expanded(e.forEach)),
      scope(),
    );
    if (references.length > 0) {
      out.push(...references);
      continue;
    }
    out.push(...decoded.content);
    for (const typed of decoded.typed) if (expanded(typed.forEach)) out.push(...evaluationDiagnostics(typed.attribute.expr, context));
  }
}

const PROVISIONER_KEYWORDS = new Set(['when', 'on_failure']);

function allAttributes(body: Body, depth = 0): Attribute[] {
  if (depth > 32) return [];
  return [...body.attributes, ...body.blocks.flatMap((b) => allAttributes(b.body, depth + 1))];
}

function invalidTypeDiagnostic(resource: Resource, address: string, schemas: ProviderSchemas): ValidatorDiagnostic {
  const display = providerDisplayName(address);
  const range = resource.block.labelRanges[0] ?? resource.block.defRange;
  if (resource.mode === 'managed') {
    let suggestion = '';
    if (schemas.resourceSchema(address, resource.type, 'data')) {
      suggestion = `\n\nDid you intend to use the data source "${resource.type}"? If so, declare this using a "data" block instead of a "resource" block.`;
    } else {
      const similar = nameSuggestion(resource.type, schemas.resourceTypes(address, 'managed').sort());
      if (similar) suggestion = ` Did you mean "${similar}"?`;
    }
    return errorAt(
      'invalid-resource-type',
      'Invalid resource type',
      `The provider ${display} does not support resource type "${resource.type}".${suggestion}`,
      range,
    );
  }
  let suggestion = '';
  if (schemas.resourceSchema(address, resource.type, 'managed')) {
    suggestion = `\n\nDid you intend to use the managed resource type "${resource.type}"? If so, declare this using a "resource" block instead of a "data" block.`;
  } else {
    const similar = nameSuggestion(resource.type, schemas.resourceTypes(address, 'data').sort());
    if (similar) suggestion = ` Did you mean "${similar}"?`;
  }
  return errorAt('invalid-data-source', 'Invalid data source', `The provider ${display} does not support data source "${resource.type}".${suggestion}`, range);
}

/**
 * `provider::<name>::<function>` in a module: the provider named in its required_providers, the function from
 * that provider's schema, computed when iacpac knows it (the aws functions of arn parsing and building).
 */
function providerFunctionLookup(requiredProviders: Map<string, string>, schemas: ProviderSchemas): (providerName: string, functionName: string) => ProviderFunctionLookup {
  return (providerName, functionName) => {
    const address = requiredProviders.get(providerName);
    if (!address || !schemas.has(address)) return { error: 'unknown-provider' };
    const schema = schemas.providerFunction(address, functionName);
    if (!schema) return { error: 'unknown-function' };
    const impl = address === 'registry.terraform.io/hashicorp/aws' ? AWS_PROVIDER_FUNCTIONS[functionName] : undefined;
    const fn: ProviderFunction = {
      name: functionName,
      params: (schema.parameters ?? []).map((p) => ({ name: p.name, type: p.type as TypeJson })),
      ...(schema.variadic_parameter ? { variadic: { name: schema.variadic_parameter.name, type: schema.variadic_parameter.type as TypeJson } } : {}),
      returns: schema.return_type as TypeJson,
      ...(impl ? { impl } : {}),
    };
    return { fn };
  };
}
