import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Attribute, Body, HclFile } from '../hcl/ast.ts';
import { providerDisplayName } from '../schema/provider-address.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { resolveResourceProvider, requiredProvidersOf } from '../schema/resolve-provider.ts';
import type { Configuration, Resource, TerraformModule } from '../terraform/model.ts';
import { configDiagnostics } from './config-checks.ts';
import { errorAt, warningAt, type ValidatorDiagnostic } from './diagnostic.ts';
import { didYouMean, nameSuggestion } from './did-you-mean.ts';
import { evaluationDiagnostics, type EvaluationContext } from './evaluation.ts';
import { indexModule, type ModuleIndex } from './module-index.ts';
import { referenceDiagnostics, type EvalScope } from './references.ts';
import { decodeBody } from './schema-body.ts';
import { attachSnippets } from './snippet.ts';
import { staticValue } from './static-value.ts';
import { attributeType, conversionError } from './type-conversion.ts';

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
  const hasSyntaxErrors = files.some((file) => file.syntaxErrors.length > 0);
  if (!hasSyntaxErrors) for (const module of modules) loadErrors.push(...configDiagnostics(module));
  if (loadErrors.some((d) => d.severity === 'error')) return finish(loadErrors, files);

  const out: ValidatorDiagnostic[] = [...loadErrors];
  const unchecked = new Map<string, Resource[]>();
  for (const module of modules) {
    const pathModule = module.path.length === 0 ? '.' : relative(rootDir, module.dir).split(sep).join('/') || '.';
    validateModule(indexModule(module, pathModule), schemas, { rootDir, pathModule }, out, unchecked);
  }
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

function allModules(root: TerraformModule): TerraformModule[] {
  const out: TerraformModule[] = [];
  const visit = (module: TerraformModule, depth: number) => {
    out.push(module);
    if (depth > 64) return;
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
  const order = (d: ValidatorDiagnostic) => (d.range ? [d.range.filename, d.range.start.byte] : ['', -1]) as [string, number];
  unique.sort((a, b) => {
    const [fa, ba] = order(a);
    const [fb, bb] = order(b);
    return fa < fb ? -1 : fa > fb ? 1 : ba - bb;
  });
  return attachSnippets(unique, files);
}

function validateModule(
  index: ModuleIndex,
  schemas: ProviderSchemas,
  context: EvaluationContext,
  out: ValidatorDiagnostic[],
  unchecked: Map<string, Resource[]>,
): void {
  const module = index.module;
  const requiredProviders = requiredProvidersOf(module);
  const scope = (overrides: Partial<EvalScope> = {}): EvalScope => ({ index, schemas, count: false, forEach: false, self: false, ...overrides });

  /** References first; only when they are all valid does Terraform evaluate (functions, types). */
  const expressionBlock = (attributes: Attribute[], evalScope: EvalScope) => {
    const references = referenceDiagnostics(attributes.map((a) => a.expr), evalScope);
    if (references.length > 0) return void out.push(...references);
    for (const attribute of attributes) out.push(...evaluationDiagnostics(attribute.expr, context));
  };

  for (const resource of module.resources) {
    const meta = resource.block.body.attributes.filter((a) => a.name === 'count' || a.name === 'for_each');
    expressionBlock(meta, scope());
    out.push(...referenceDiagnostics(resource.dependsOn, scope()).filter((d) => d.code !== 'missing-instance-key'));

    const provider = resolveResourceProvider(resource, requiredProviders);
    if (!schemas.has(provider.address)) {
      const list = unchecked.get(provider.address) ?? [];
      list.push(resource);
      unchecked.set(provider.address, list);
      continue;
    }
    const schema = schemas.resourceSchema(provider.address, resource.type, resource.mode);
    if (!schema) {
      out.push(invalidTypeDiagnostic(resource, provider.address, schemas));
      continue;
    }
    const resourceScope = scope({ count: resource.count !== undefined, forEach: resource.forEach !== undefined });
    const decoded = decodeBody(resource.config, schema.block);
    const references = referenceDiagnostics(decoded.expressions, resourceScope);
    if (references.some((d) => d.severity === 'error')) {
      out.push(...references);
      continue;
    }
    out.push(...decoded.content);
    for (const typed of decoded.typed) {
      const evaluation = evaluationDiagnostics(typed.attribute.expr, context);
      if (evaluation.length > 0) {
        out.push(...evaluation);
        continue;
      }
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
    if (decoded.content.length > 0) continue;
    for (const block of [...resource.provisioners, ...(resource.connection ? [resource.connection] : [])]) {
      expressionBlock(allAttributes(block.body), scope({ ...resourceScope, self: true }));
    }
  }

  for (const local of module.locals) expressionBlock([local.attribute], scope());
  for (const output of module.outputs) {
    const value = output.block.body.attributes.filter((a) => a.name === 'value');
    expressionBlock(value, scope());
  }
  for (const call of module.moduleCalls) {
    const meta = call.block.body.attributes.filter((a) => a.name === 'count' || a.name === 'for_each');
    expressionBlock(meta, scope());
    expressionBlock(call.inputs, scope({ count: call.count !== undefined, forEach: call.forEach !== undefined }));
    const child = call.module;
    if (!child) continue;
    const variables = new Map(child.variables.map((v) => [v.name, v]));
    for (const input of call.inputs) {
      if (variables.has(input.name)) continue;
      out.push(
        errorAt(
          'unsupported-argument',
          'Unsupported argument',
          `An argument named "${input.name}" is not expected here.${didYouMean(input.name, variables.keys())}`,
          input.nameRange,
        ),
      );
    }
    const given = new Set(call.inputs.map((i) => i.name));
    for (const variable of child.variables) {
      if (variable.default === undefined && !given.has(variable.name)) {
        out.push(
          errorAt(
            'missing-required-argument',
            'Missing required argument',
            `The argument "${variable.name}" is required, but no definition was found.`,
            { filename: call.block.body.range.filename, start: call.block.body.range.start, end: { ...call.block.body.range.start, column: call.block.body.range.start.column + 1, byte: call.block.body.range.start.byte + 1 } },
          ),
        );
      }
    }
  }
  for (const provider of module.providers) {
    const address = requiredProviders.get(provider.name) ?? provider.name;
    const schema = schemas.providerConfigSchema(address);
    const body: Body = {
      ...provider.block.body,
      attributes: provider.block.body.attributes.filter((a) => a.name !== 'alias' && a.name !== 'version'),
    };
    if (!schema) {
      expressionBlock(body.attributes, scope());
      continue;
    }
    const decoded = decodeBody(body, schema.block);
    const references = referenceDiagnostics(decoded.expressions, scope());
    if (references.length > 0) {
      out.push(...references);
      continue;
    }
    out.push(...decoded.content);
    for (const typed of decoded.typed) out.push(...evaluationDiagnostics(typed.attribute.expr, context));
  }
}

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
