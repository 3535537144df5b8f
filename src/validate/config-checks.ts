import type { Attribute, Block, Body, Expression } from '../hcl/ast.ts';
import type { ModuleCall, TerraformModule, Variable } from '../terraform/model.ts';
import { charRange, errorAt, rangeString, warningAt, type ValidatorDiagnostic } from './diagnostic.ts';
import { didYouMean } from './did-you-mean.ts';
import { startRange } from '../hcl/start-range.ts';
import { requiredProvidersOf } from '../schema/resolve-provider.ts';
import { staticValue } from './static-value.ts';
import { parseTypeConstraint } from './type-constraint.ts';
import { conversionError, conversionErrorWithPath } from './type-conversion.ts';
import { moduleAddress } from '../terraform/module-address.ts';

/** Top-level block types of a Terraform 1.11 module. */
const TOP_LEVEL_BLOCKS = ['check', 'data', 'ephemeral', 'import', 'locals', 'module', 'moved', 'output', 'provider', 'removed', 'resource', 'terraform', 'variable'];

/** Labels each top-level block type takes (HCL reports missing ones while Terraform loads the file). */
const LABEL_NAMES: Record<string, string[]> = {
  resource: ['type', 'name'],
  data: ['type', 'name'],
  ephemeral: ['type', 'name'],
  variable: ['name'],
  output: ['name'],
  module: ['name'],
  provider: ['name'],
  check: ['name'],
};

interface BlockSchema {
  attributes: Record<string, { required?: boolean }>;
  blocks: string[];
  /** Other arguments are allowed (provider and module blocks pass them on). */
  open?: boolean;
}

const VARIABLE_SCHEMA: BlockSchema = {
  attributes: { description: {}, default: {}, type: {}, sensitive: {}, nullable: {}, ephemeral: {} },
  blocks: ['validation'],
};
const OUTPUT_SCHEMA: BlockSchema = {
  attributes: { description: {}, value: { required: true }, depends_on: {}, sensitive: {}, ephemeral: {} },
  blocks: ['precondition'],
};
const LIFECYCLE_SCHEMA: BlockSchema = {
  attributes: { create_before_destroy: {}, prevent_destroy: {}, ignore_changes: {}, replace_triggered_by: {} },
  blocks: ['precondition', 'postcondition'],
};
const MODULE_SCHEMA: BlockSchema = {
  attributes: { source: { required: true }, version: {}, count: {}, for_each: {}, providers: {}, depends_on: {} },
  blocks: [],
  open: true,
};

/**
 * The checks Terraform makes while loading a module (before any provider schema is involved). When any
 * of them fails, `terraform validate` reports only these, so the caller stops after them.
 */
export function configDiagnostics(module: TerraformModule): ValidatorDiagnostic[] {
  const out: ValidatorDiagnostic[] = [];
  for (const file of module.files) {
    for (const block of file.body.blocks) {
      const labelNames = LABEL_NAMES[block.type];
      if (labelNames && block.labels.length < labelNames.length) {
        const brace = charRange(block.body.range.filename, block.body.range.start);
        out.push(
          errorAt(
            'missing-block-label',
            `Missing ${labelNames[block.labels.length]} for ${block.type}`,
            `All ${block.type} blocks must have ${labelNames.length} labels (${labelNames.join(', ')}).`,
            brace,
            { filename: brace.filename, start: block.typeRange.start, end: brace.end },
          ),
        );
      }
      if (!TOP_LEVEL_BLOCKS.includes(block.type)) {
        out.push(
          errorAt(
            'unsupported-block-type',
            'Unsupported block type',
            `Blocks of type "${block.type}" are not expected here.${didYouMean(block.type, TOP_LEVEL_BLOCKS)}`,
            block.typeRange,
          ),
        );
      }
    }
  }
  duplicates(module, out);
  names(module, out);
  for (const variable of module.variables) {
    checkBody(variable.block.body, VARIABLE_SCHEMA, out);
    variableDefault(variable, out);
  }
  for (const output of module.outputs) {
    checkBody(output.block.body, OUTPUT_SCHEMA, out);
    dependsOn(output.dependsOn, out);
  }
  for (const call of module.moduleCalls) {
    checkBody(call.block.body, MODULE_SCHEMA, out);
    countAndForEach(call.block.body, out);
    dependsOn(call.dependsOn, out);
    if (call.module) moduleCallArguments(call, call.module, out);
    if (call.module) passedProviders(module, call, call.module, out);
  }
  for (const resource of module.resources) {
    countAndForEach(resource.block.body, out);
    dependsOn(resource.dependsOn, out);
    const lifecycles = resource.block.body.blocks.filter((b) => b.type === 'lifecycle');
    for (const lifecycle of lifecycles) {
      checkBody(lifecycle.body, LIFECYCLE_SCHEMA, out);
      for (const attribute of lifecycle.body.attributes) {
        if (attribute.name === 'create_before_destroy' || attribute.name === 'prevent_destroy') boolArgument(attribute, out);
      }
    }
    const [first, second] = lifecycles;
    if (first && second) {
      out.push(
        errorAt(
          'duplicate-lifecycle',
          'Duplicate lifecycle block',
          `This resource already has a lifecycle block at ${rangeString(first.defRange)}.`,
          second.defRange,
        ),
      );
    }
  }
  return out;
}

function duplicates(module: TerraformModule, out: ValidatorDiagnostic[]): void {
  const seen = new Map<string, Block>();
  for (const resource of module.resources) {
    const key = `${resource.mode}.${resource.type}.${resource.name}`;
    const previous = seen.get(key);
    if (!previous) {
      seen.set(key, resource.block);
      continue;
    }
    const kind = resource.mode === 'data' ? 'data' : 'resource';
    out.push(
      errorAt(
        'duplicate-resource',
        `Duplicate ${kind} "${resource.type}" configuration`,
        `A ${resource.type} ${resource.mode === 'data' ? 'data resource' : 'resource'} named "${resource.name}" was already declared at ${rangeString(previous.defRange)}. Resource names must be unique per type in each module.`,
        resource.block.defRange,
      ),
    );
  }
  const once = <T>(items: T[], name: (item: T) => string, report: (item: T, previous: T) => ValidatorDiagnostic) => {
    const byName = new Map<string, T>();
    for (const item of items) {
      const previous = byName.get(name(item));
      if (previous) out.push(report(item, previous));
      else byName.set(name(item), item);
    }
  };
  once(module.variables, (v) => v.name, (v, previous) =>
    errorAt(
      'duplicate-variable',
      'Duplicate variable declaration',
      `A variable named "${v.name}" was already declared at ${rangeString(previous.block.defRange)}. Variable names must be unique within a module.`,
      v.block.defRange,
    ),
  );
  once(module.outputs, (o) => o.name, (o, previous) =>
    errorAt(
      'duplicate-output',
      'Duplicate output definition',
      `An output named "${o.name}" was already defined at ${rangeString(previous.block.defRange)}. Output names must be unique within a module.`,
      o.block.defRange,
    ),
  );
  once(module.locals, (l) => l.name, (l, previous) =>
    errorAt(
      'duplicate-local',
      'Duplicate local value definition',
      `A local value named "${l.name}" was already defined at ${rangeString(previous.attribute.range)}. Local value names must be unique within a module.`,
      l.attribute.range,
    ),
  );
  once(module.moduleCalls, (m) => m.name, (m, previous) =>
    errorAt(
      'duplicate-module',
      'Duplicate module call',
      `A module call named "${m.name}" was already defined at ${rangeString(previous.block.defRange)}. Module calls must have unique names within a module.`,
      m.block.defRange,
    ),
  );
  once(module.providers, (p) => `${p.name}.${p.alias ?? ''}`, (p, previous) =>
    p.alias === undefined
      ? errorAt(
          'duplicate-provider',
          'Duplicate provider configuration',
          `A default (non-aliased) provider configuration for "${p.name}" was already given at ${rangeString(previous.block.defRange)}. If multiple configurations are required, set the "alias" argument for alternative configurations.`,
          p.block.defRange,
        )
      : errorAt(
          'duplicate-provider',
          'Duplicate provider configuration',
          `A provider configuration for "${p.name}" with alias "${p.alias}" was already given at ${rangeString(previous.block.defRange)}. Each configuration for the same provider must have a distinct alias.`,
          p.block.defRange,
        ),
  );
}

function checkBody(body: Body, schema: BlockSchema, out: ValidatorDiagnostic[]): void {
  const names = Object.keys(schema.attributes);
  for (const attribute of body.attributes) {
    if (Object.hasOwn(schema.attributes, attribute.name) || schema.open) continue;
    let suggestion = didYouMean(attribute.name, names);
    if (!suggestion && schema.blocks.includes(attribute.name)) suggestion = ` Did you mean to define a block of type "${attribute.name}"?`;
    out.push(errorAt('unsupported-argument', 'Unsupported argument', `An argument named "${attribute.name}" is not expected here.${suggestion}`, attribute.nameRange));
  }
  for (const [name, spec] of Object.entries(schema.attributes)) {
    if (spec.required && !body.attributes.some((a) => a.name === name)) {
      out.push(
        errorAt(
          'missing-required-argument',
          'Missing required argument',
          `The argument "${name}" is required, but no definition was found.`,
          charRange(body.range.filename, body.range.start),
        ),
      );
    }
  }
  if (schema.open) return;
  for (const block of body.blocks) {
    if (schema.blocks.includes(block.type)) continue;
    let suggestion = didYouMean(block.type, schema.blocks);
    if (!suggestion && Object.hasOwn(schema.attributes, block.type)) {
      suggestion = ` Did you mean to define argument "${block.type}"? If so, use the equals sign to assign it a value.`;
    }
    out.push(errorAt('unsupported-block-type', 'Unsupported block type', `Blocks of type "${block.type}" are not expected here.${suggestion}`, block.typeRange));
  }
}

function countAndForEach(body: Body, out: ValidatorDiagnostic[]): void {
  const count = body.attributes.find((a) => a.name === 'count');
  const forEach = body.attributes.find((a) => a.name === 'for_each');
  if (count && forEach) {
    out.push(
      errorAt(
        'count-and-for-each',
        'Invalid combination of "count" and "for_each"',
        'The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.',
        forEach.nameRange,
      ),
    );
  }
}

function dependsOn(items: Expression[], out: ValidatorDiagnostic[]): void {
  for (const item of items) {
    if (item.kind === 'traversal') continue;
    const quoted =
      item.kind === 'literal' && typeof item.value === 'string'
        ? item.value
        : item.kind === 'template' && item.parts.length === 1 && item.parts[0]?.kind === 'text'
          ? item.parts[0].value
          : undefined;
    if (quoted !== undefined) {
      const text = quoted;
      out.push(
        warningAt(
          'quoted-reference',
          'Quoted references are deprecated',
          'In this context, references are expected literally rather than in quotes. Terraform 0.11 and earlier required quotes, but quoted references are now deprecated and will be removed in a future version of Terraform. Remove the quotes surrounding this reference to silence this warning.',
          item.range,
        ),
      );
      if (/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[[^\]]*\])*$/.test(text)) continue;
    }
    out.push(
      errorAt(
        'invalid-depends-on',
        'Invalid expression',
        'A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.',
        item.range,
      ),
    );
  }
}

function boolArgument(attribute: Attribute, out: ValidatorDiagnostic[]): void {
  const expr = attribute.expr;
  const problem = conversionError(staticValue(expr), 'bool');
  if (problem) out.push(errorAt('unsuitable-value-type', 'Unsuitable value type', `Unsuitable value: ${problem}`, startRange(expr)));
}

/**
 * A `providers` map passing a configuration under a local name the child module does not declare in its
 * `required_providers`: Terraform assumes the default hashicorp/<name> provider and warns.
 */
function passedProviders(parent: TerraformModule, call: ModuleCall, child: TerraformModule, out: ValidatorDiagnostic[]): void {
  if (call.providers?.kind !== 'object') return;
  const declared = requiredProvidersOf(child);
  const path = moduleAddress([...parent.path, call.name]);
  for (const item of call.providers.items) {
    const key = item.key.kind === 'traversal' && item.key.steps.length === 0 ? item.key.root : item.key.kind === 'literal' && typeof item.key.value === 'string' ? item.key.value : undefined;
    if (key === undefined || declared.has(key)) continue;
    out.push(
      warningAt(
        'undefined-provider-reference',
        'Reference to undefined provider',
        `There is no explicit declaration for local provider name "${key}" in ${path}, so Terraform is assuming you mean to pass a configuration for "hashicorp/${key}".\n\nIf you also control the child module, add a required_providers entry named "${key}" with the source address "hashicorp/${key}".`,
        item.key.range,
      ),
    );
  }
}

/** A module call's arguments against the child module's variables. */
function moduleCallArguments(call: ModuleCall, child: TerraformModule, out: ValidatorDiagnostic[]): void {
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
          charRange(call.block.body.range.filename, call.block.body.range.start),
        ),
      );
    }
  }
}

/** HCL's identifier rule, which Terraform applies to the names it declares. */
const VALID_NAME = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
const NAME_RULE = 'A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.';

/** Declared names must be identifiers: resource, data source, variable, output and module call names, provider aliases. */
function names(module: TerraformModule, out: ValidatorDiagnostic[]): void {
  // A block without its name label has its own error ("Missing name for ...").
  const check = (name: string, range: Expression['range'] | undefined, summary: string) => {
    if (range && !VALID_NAME.test(name)) out.push(errorAt('invalid-name', summary, NAME_RULE, range));
  };
  for (const resource of module.resources) {
    check(resource.name, resource.block.labelRanges[1], resource.mode === 'data' ? 'Invalid data resource name' : 'Invalid resource name');
  }
  for (const variable of module.variables) check(variable.name, variable.block.labelRanges[0], 'Invalid variable name');
  for (const output of module.outputs) check(output.name, output.block.labelRanges[0], 'Invalid output name');
  for (const call of module.moduleCalls) check(call.name, call.block.labelRanges[0], 'Invalid module instance name');
  for (const provider of module.providers) {
    if (provider.alias !== undefined && !VALID_NAME.test(provider.alias)) {
      out.push(errorAt('invalid-name', 'Invalid provider configuration alias', `An alias must be a valid name. ${NAME_RULE}`, undefined));
    }
  }
}

/** A variable's type constraint must be valid, and its default must convert to it. */
function variableDefault(variable: Variable, out: ValidatorDiagnostic[]): void {
  if (!variable.type) return;
  const constraint = parseTypeConstraint(variable.type);
  if (!constraint) return;
  if ('invalidKeyword' in constraint) {
    out.push(
      errorAt(
        'invalid-type-specification',
        constraint.summary ?? 'Invalid type specification',
        constraint.detail ?? `The keyword "${constraint.invalidKeyword}" is not a valid type specification.`,
        constraint.range,
      ),
    );
    return;
  }
  if (!variable.default) return;
  const problem = conversionErrorWithPath(staticValue(variable.default), constraint.type);
  if (problem) {
    out.push(
      errorAt(
        'invalid-variable-default',
        'Invalid default value for variable',
        `This default value is not compatible with the variable's type constraint: ${problem}.`,
        variable.default.range,
      ),
    );
  }
}
