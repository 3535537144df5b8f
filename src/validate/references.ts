import type { SourceRange } from '../core/source-range.ts';
import type { Expression, ScopeTraversalExpr, TraversalStep } from '../hcl/ast.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import { resolveResourceProvider, requiredProvidersOf } from '../schema/resolve-provider.ts';
import { errorAt, rangeOver, type ValidatorDiagnostic } from './diagnostic.ts';
import { didYouMean } from './did-you-mean.ts';
import { resourceKey, type ModuleIndex } from './module-index.ts';
import { walkExpression } from './walk-expression.ts';

/** Where an expression is evaluated: which of `count`, `each` and `self` are available. */
export interface EvalScope {
  index: ModuleIndex;
  schemas: ProviderSchemas;
  /** `count` is set on the enclosing resource/module block. */
  count: boolean;
  /** `for_each` is set on the enclosing resource/module block. */
  forEach: boolean;
  /** In a provisioner, connection or postcondition block. */
  self: boolean;
  /** Names bound locally (dynamic block iterators). */
  locals?: ReadonlySet<string>;
}

/**
 * Terraform's reference checks for the expressions of one block, in its two passes: `static` (references
 * to resources and module calls, checked against declarations and resource schemas) and, only when those
 * pass, `evaluation` (input variables, local values, path/terraform/count/each/self).
 */
export function referenceDiagnostics(
  expressions: ReadonlyArray<Expression | { expr: Expression; locals: ReadonlySet<string> }>,
  scope: EvalScope,
  options: { evaluate?: boolean } = {},
): ValidatorDiagnostic[] {
  const traversals: ScopeTraversalExpr[] = [];
  const iteratorTraversals: ScopeTraversalExpr[] = [];
  for (const item of expressions) {
    const [expr, iterators] = 'kind' in item ? [item, scope.locals ?? new Set<string>()] : [item.expr, new Set([...(scope.locals ?? []), ...item.locals])];
    walkExpression(expr, { traversal: (t) => (iterators.has(t.root) ? iteratorTraversals : traversals).push(t) });
  }
  // Terraform parses every traversal into a reference first (`addrs.ParseRef`); its errors are always reported.
  const parseDiagnostics: ValidatorDiagnostic[] = [];
  const references: Array<{ expr: ScopeTraversalExpr; name?: string }> = [];
  for (const t of traversals) {
    const parsed = parseReference(t);
    parseDiagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length === 0) references.push({ expr: t });
    // A single-attribute object (`var`, `count`, ...) used bare still yields a reference, to the empty name.
    else if (parsed.emptyName && options.evaluate !== false) references.push({ expr: t, name: '' });
  }
  const staticDiagnostics = references.flatMap((r) => (r.name === undefined ? staticReference(r.expr, scope) : []));
  if (staticDiagnostics.length > 0) return [...parseDiagnostics, ...staticDiagnostics];
  return [
    ...parseDiagnostics,
    ...references.flatMap((r) => evaluationReference(r.expr, scope, r.name)),
    ...iteratorTraversals.flatMap(iteratorReference),
  ];
}

/** Roots whose object must be followed by exactly one attribute name (`addrs.parseSingleAttrRef`). */
const SINGLE_ATTRIBUTE_ROOTS = new Set(['count', 'each', 'local', 'module', 'path', 'terraform', 'var']);
/** Resource prefixes: `data.TYPE.NAME`, `resource.TYPE.NAME` (a managed resource, escaping a reserved word), `ephemeral.TYPE.NAME`. */
const RESOURCE_PREFIXES: Record<string, string> = {
  data: 'the data source type and the resource name',
  resource: 'the resource type and the resource name',
  ephemeral: 'the ephemeral resource type and the resource name',
};
const RESOURCE_KINDS: Record<string, string> = { data: 'data source', ephemeral: 'ephemeral resource type' };
/** Names Terraform keeps for future language features. */
const RESERVED_SYMBOLS = new Set(['arg', 'lazy', 'template']);

/**
 * The shape checks of Terraform's `addrs.ParseRef`: a bare `var`, `aws_instance` or `data.x`, or an index where a
 * name must follow, is an "Invalid reference". `emptyName`: Terraform goes on with a reference to the name "" (its
 * evaluation then reports that name with an empty source range).
 */
function parseReference(expr: ScopeTraversalExpr): { diagnostics: ValidatorDiagnostic[]; emptyName?: boolean } {
  const { root, steps } = expr;
  const whole = stepRange(steps, steps.length, expr);
  const invalid = (detail: string, range: SourceRange) => [errorAt('invalid-reference', 'Invalid reference', detail, range)];
  if (root === 'self') return { diagnostics: [] };
  if (SINGLE_ATTRIBUTE_ROOTS.has(root)) {
    const first = steps[0];
    if (first?.kind === 'attr') return { diagnostics: [] };
    const diagnostics = first
      ? invalid(`The "${root}" object does not support this operation.`, first.range)
      : invalid(`The "${root}" object cannot be accessed directly. Instead, access one of its attributes.`, expr.rootRange);
    return { diagnostics, emptyName: root !== 'module' };
  }
  if (RESERVED_SYMBOLS.has(root)) {
    return {
      diagnostics: [
        errorAt(
          'reserved-symbol',
          'Reserved symbol name',
          `The symbol name "${root}" is reserved for use in a future Terraform version. If you are using a provider that already uses this as a resource type name, add the prefix "resource." to force interpretation as a resource type name.`,
          expr.rootRange,
        ),
      ],
    };
  }
  const prefix = RESOURCE_PREFIXES[root];
  if (prefix !== undefined && steps.length < 2) {
    return { diagnostics: invalid(`The "${root}" object must be followed by two attribute names: ${prefix}.`, whole) };
  }
  // The resource address proper: TYPE.NAME after the prefix, or ROOT.NAME for a managed resource.
  const type = prefix !== undefined ? steps[0] : undefined;
  if (type && type.kind !== 'attr') return { diagnostics: invalid(`The "${root}" object does not support this operation.`, type.range) };
  const name = prefix !== undefined ? steps[1] : steps[0];
  const kind = RESOURCE_KINDS[root] ?? 'resource type';
  const message = `A reference to a ${kind} must be followed by at least one attribute access, specifying the resource name.`;
  if (!name) return { diagnostics: invalid(message, whole) };
  if (name.kind !== 'attr') return { diagnostics: invalid(message, name.range) };
  return { diagnostics: [] };
}

/** Reference roots that are not a managed resource type (`aws_s3_bucket.x`): Terraform's other reference kinds. */
export const RESERVED_ROOTS: ReadonlySet<string> = new Set(['var', 'local', 'module', 'data', 'path', 'count', 'each', 'self', 'terraform', 'resource', 'ephemeral']);

function stepRange(steps: TraversalStep[], count: number, expr: ScopeTraversalExpr): SourceRange {
  const last = steps[count - 1];
  return last ? rangeOver(expr.rootRange, last.range) : expr.rootRange;
}

function staticReference(expr: ScopeTraversalExpr, scope: EvalScope): ValidatorDiagnostic[] {
  const { root, steps } = expr;
  if (root === 'module') {
    const name = steps[0];
    if (name?.kind !== 'attr') return [];
    if (scope.index.moduleCalls.has(name.name)) return [];
    // The reference covers `module.name[key].output` as far as it goes.
    let length = 1;
    if (steps[length]?.kind === 'index') length++;
    if (steps[length]?.kind === 'attr') length++;
    return [
      errorAt(
        'undeclared-module',
        'Reference to undeclared module',
        `No module call named "${name.name}" is declared in ${scope.index.displayName}.${didYouMean(name.name, scope.index.moduleCalls.keys())}`,
        stepRange(steps, length, expr),
      ),
    ];
  }
  if (root === 'data' || root === 'resource') {
    const type = steps[0];
    const name = steps[1];
    if (type?.kind !== 'attr' || name?.kind !== 'attr') return [];
    return resourceReference(expr, root === 'data' ? 'data' : 'managed', type.name, name.name, 2, scope);
  }
  if (RESERVED_ROOTS.has(root)) return [];
  const name = steps[0];
  if (name?.kind !== 'attr') return [];
  return resourceReference(expr, 'managed', root, name.name, 1, scope);
}

function resourceReference(
  expr: ScopeTraversalExpr,
  mode: 'managed' | 'data',
  type: string,
  name: string,
  nameSteps: number,
  scope: EvalScope,
): ValidatorDiagnostic[] {
  const { steps } = expr;
  const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  const resource = scope.index.resources.get(resourceKey(mode, type, name));
  const addressRange = stepRange(steps, nameSteps, expr);
  if (!resource) {
    let suggestion = '';
    if (mode === 'managed' && scope.index.resources.has(resourceKey('data', type, name))) {
      suggestion = `\n\nDid you mean the data resource data.${type}.${name}?`;
    }
    return [
      errorAt(
        'undeclared-resource',
        'Reference to undeclared resource',
        `A ${mode === 'data' ? 'data' : 'managed'} resource "${type}" "${name}" has not been declared in ${scope.index.displayName}.${suggestion}`,
        addressRange,
      ),
    ];
  }
  let rest = steps.slice(nameSteps);
  const keyed = rest[0]?.kind === 'index';
  const multi = resource.count !== undefined || resource.forEach !== undefined;
  if (keyed) {
    if (!multi) {
      return [
        errorAt(
          'unexpected-instance-key',
          'Unexpected resource instance key',
          `Because ${address} does not have "count" or "for_each" set, references to it must not include an index key. Remove the bracketed index to refer to the single instance of this resource.`,
          stepRange(steps, nameSteps + 1, expr),
        ),
      ];
    }
    rest = rest.slice(1);
  } else if (multi && rest[0]?.kind === 'attr') {
    const meta = resource.count !== undefined ? 'count' : 'for_each';
    const example = resource.count !== undefined ? `${address}[count.index]` : `${address}[each.key]`;
    return [
      errorAt(
        'missing-instance-key',
        'Missing resource instance key',
        `Because ${address} has "${meta}" set, its attributes must be accessed on specific instances.\n\nFor example, to correlate with indices of a referring resource, use:\n    ${example}`,
        addressRange,
      ),
    ];
  }
  const provider = resolveResourceProvider(resource, requiredProvidersOf(scope.index.module));
  const schema = scope.schemas.resourceSchema(provider.address, type, mode);
  if (!schema) return [];
  const error = validateTraversal(schema.block, rest);
  return error ? [error] : [];
}

/** configschema's `StaticValidateTraversal`: attribute steps after a resource address must exist in its schema. */
function validateTraversal(block: SchemaBlock, steps: TraversalStep[], depth = 0): ValidatorDiagnostic | undefined {
  const step = steps[0];
  if (!step || depth > 64) return undefined;
  if (step.kind === 'index') {
    const key = step.key;
    if (key.kind === 'template' || (key.kind === 'literal' && typeof key.value === 'string')) {
      const text = key.kind === 'literal' ? String(key.value) : key.parts.every((p) => p.kind === 'text') ? key.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('') : undefined;
      if (text !== undefined && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text)) {
        return errorAt('invalid-index', 'Invalid index operation', `Only attribute access is allowed here. Did you mean to access attribute "${text}" using the dot operator?`, step.range);
      }
    }
    return errorAt('invalid-index', 'Invalid index operation', 'Only attribute access is allowed here.', step.range);
  }
  const name = step.name;
  if (block.attributes && Object.hasOwn(block.attributes, name)) {
    const type = block.attributes[name]?.type;
    const next = steps[1];
    if (Array.isArray(type) && type[0] === 'set' && next?.kind === 'index') {
      return errorAt(
        'invalid-index',
        'Invalid index',
        "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
        next.range,
      );
    }
    return undefined;
  }
  const nested = block.block_types && Object.hasOwn(block.block_types, name) ? block.block_types[name] : undefined;
  if (nested) {
    const rest = steps.slice(1);
    if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') return validateTraversal(nested.block, rest, depth + 1);
    if (rest[0]?.kind === 'index' && nested.nesting_mode === 'set') {
      return errorAt(
        'set-index',
        'Cannot index a set value',
        `Block type "${name}" is represented by a set of objects, and set elements do not have addressable keys. To find elements matching specific criteria, use a "for" expression with an "if" clause.`,
        rest[0].range,
      );
    }
    if (rest[0]?.kind === 'index') return validateTraversal(nested.block, rest.slice(1), depth + 1);
    return undefined;
  }
  const candidates = [...Object.keys(block.attributes ?? {}), ...Object.keys(block.block_types ?? {})];
  return errorAt(
    'unsupported-attribute',
    'Unsupported attribute',
    `This object has no argument, nested block, or exported attribute named "${name}".${didYouMean(name, candidates)}`,
    step.range,
  );
}

/** A dynamic block iterator (`ingress.value`) is an object with only `key` and `value`. */
function iteratorReference(expr: ScopeTraversalExpr): ValidatorDiagnostic[] {
  const step = expr.steps[0];
  if (step?.kind !== 'attr' || step.name === 'key' || step.name === 'value') return [];
  return [errorAt('unsupported-attribute', 'Unsupported attribute', `This object does not have an attribute named "${step.name}".`, step.range)];
}

/** The source range Terraform gives what it reports about a reference it could not parse (HCL's zero `Range`). */
const NO_SOURCE: SourceRange = { filename: '', start: { line: 0, column: 0, byte: 0 }, end: { line: 0, column: 1, byte: 1 } };

/** `emptyName`: the reference to "" that Terraform evaluates after a bare `var`, `count`, ... (see parseReference). */
function evaluationReference(expr: ScopeTraversalExpr, scope: EvalScope, emptyName?: string): ValidatorDiagnostic[] {
  if (emptyName === undefined) return evaluateReference(expr, scope, undefined);
  return evaluateReference(expr, scope, emptyName).map((d) => ({ ...d, range: NO_SOURCE, sortAt: expr.rootRange }));
}

function evaluateReference(expr: ScopeTraversalExpr, scope: EvalScope, emptyName: string | undefined): ValidatorDiagnostic[] {
  const { root, steps } = expr;
  const first = steps[0];
  const attrName = emptyName ?? (first?.kind === 'attr' ? first.name : undefined);
  const range = stepRange(steps, first?.kind === 'attr' ? 1 : 0, expr);
  switch (root) {
    case 'module': {
      const call = attrName === undefined ? undefined : scope.index.moduleCalls.get(attrName);
      if (!call?.module) return [];
      let next = steps[1];
      if (next?.kind === 'index') next = steps[2];
      if (next?.kind !== 'attr' || call.module.outputs.some((o) => o.name === next.name)) return [];
      return [
        {
          ...errorAt('unsupported-attribute', 'Unsupported attribute', `This object does not have an attribute named "${next.name}".`, next.range),
          values: [{ traversal: `module.${attrName}`, statement: 'is a object' }],
        },
      ];
    }
    case 'var':
      if (attrName === undefined || scope.index.variables.has(attrName)) return [];
      {
        const suggestion = didYouMean(attrName, scope.index.variables);
        return [
          errorAt(
            'undeclared-variable',
            'Reference to undeclared input variable',
            `An input variable with the name "${attrName}" has not been declared.${suggestion || ` This variable can be declared with a variable "${attrName}" {} block.`}`,
            range,
          ),
        ];
      }
    case 'local':
      if (attrName === undefined || scope.index.locals.has(attrName)) return [];
      return [
        errorAt(
          'undeclared-local',
          'Reference to undeclared local value',
          `A local value with the name "${attrName}" has not been declared.${didYouMean(attrName, scope.index.locals)}`,
          range,
        ),
      ];
    case 'path':
      if (attrName === undefined || ['module', 'root', 'cwd'].includes(attrName)) return [];
      return [
        errorAt(
          'invalid-path-attribute',
          'Invalid "path" attribute',
          `The "path" object does not have an attribute named "${attrName}".${didYouMean(attrName, ['cwd', 'module', 'root'])}`,
          range,
        ),
      ];
    case 'terraform':
      // terraform.applying (Terraform 1.10+) is an ephemeral value, which this validator does not model: it is
      // reported as before, the only difference being that Terraform's error there is about its ephemerality.
      if (attrName === undefined || attrName === 'workspace') return [];
      if (attrName === 'env') {
        return [
          errorAt(
            'invalid-terraform-attribute',
            'Invalid "terraform" attribute',
            'The terraform.env attribute was deprecated in v0.10 and removed in v0.12. The "state environment" concept was renamed to "workspace" in v0.12, and so the workspace name can now be accessed using the terraform.workspace attribute.',
            range,
          ),
        ];
      }
      return [
        errorAt(
          'invalid-terraform-attribute',
          'Invalid "terraform" attribute',
          `The "terraform" object does not have an attribute named "${attrName}". The only supported attributes are terraform.workspace, the name of the currently-selected workspace, and terraform.applying, a boolean which is true only during apply.`,
          range,
        ),
      ];
    case 'count':
      // Terraform checks the attribute name before the context.
      if (attrName === 'index' && !scope.count) {
        return [
          errorAt(
            'count-in-non-counted-context',
            'Reference to "count" in non-counted context',
            'The "count" object can only be used in "module", "resource", and "data" blocks, and only when the "count" argument is set.',
            range,
          ),
        ];
      }
      if (attrName === undefined || attrName === 'index') return [];
      return [
        errorAt(
          'invalid-count-attribute',
          'Invalid "count" attribute',
          `The "count" object does not have an attribute named "${attrName}". The only supported attribute is count.index, which is the index of each instance of a resource block that has the "count" argument set.`,
          range,
        ),
      ];
    case 'each':
      if ((attrName === 'key' || attrName === 'value') && !scope.forEach) {
        return [
          errorAt(
            'each-without-for-each',
            'Reference to "each" in context without for_each',
            'The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.',
            range,
          ),
        ];
      }
      if (attrName === undefined || attrName === 'key' || attrName === 'value') return [];
      return [
        errorAt(
          'invalid-each-attribute',
          'Invalid "each" attribute',
          `The "each" object does not have an attribute named "${attrName}". The supported attributes are each.key and each.value, the current key and value pair of the "for_each" attribute set.`,
          range,
        ),
      ];
    case 'self':
      if (scope.self) return [];
      return [
        errorAt(
          'invalid-self',
          'Invalid "self" reference',
          'The "self" object is not available in this context. This object can be used only in resource provisioner, connection, and postcondition blocks.',
          expr.rootRange,
        ),
      ];
    default:
      return [];
  }
}
