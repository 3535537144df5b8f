/** GraphQL query validation against a schema: the main rules of gqlparser's validator, first error wins. */
import { VALUE_KIND, type Node } from './graphql-parser.ts';
import { GraphQLValidationError, namedType, type Schema } from './graphql-validate.ts';

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The node being checked, for error locations. */
let current: Node | undefined;

function fail(message: string, node: Node | undefined = current): never {
  const p = node?.Position as { Line?: number; Column?: number } | undefined;
  throw new GraphQLValidationError(message, p?.Line !== undefined && p.Column !== undefined ? { line: p.Line, column: p.Column } : undefined);
}

function typeString(t: Node | undefined): string {
  if (!t) return '';
  const inner = t.Elem ? `[${typeString(t.Elem as Node)}]` : text(t.NamedType);
  return t.NonNull ? `${inner}!` : inner;
}

const COMPOSITE = new Set(['OBJECT', 'INTERFACE', 'UNION']);

/** Can a value of type `actual` be used where `expected` is required? (VariablesInAllowedPosition) */
function isSubType(ctx: Context, actual: Node | undefined, expected: Node | undefined): boolean {
  if (!actual || !expected) return true;
  if (expected.NonNull && !actual.NonNull) return false;
  const a: Node = { ...actual, NonNull: false };
  const e: Node = { ...expected, NonNull: false };
  if (e.Elem) return a.Elem !== undefined && isSubType(ctx, a.Elem as Node, e.Elem as Node);
  if (a.Elem) return false;
  if (a.NamedType === e.NamedType) return true;
  return ctx.schema.possibleTypes.get(text(e.NamedType))?.has(text(a.NamedType)) ?? false;
}

/** The object types a composite type can be at run time. */
function possibleTypes(ctx: Context, def: Node): Set<string> {
  if (def.Kind === 'OBJECT') return new Set([text(def.Name)]);
  return ctx.schema.possibleTypes.get(text(def.Name)) ?? new Set();
}

function checkSpreadPossible(ctx: Context, fragmentType: Node, parent: Node, fragmentName?: string): void {
  const a = possibleTypes(ctx, fragmentType);
  const b = possibleTypes(ctx, parent);
  if (![...a].some((t) => b.has(t))) {
    fail(
      fragmentName
        ? `Fragment "${fragmentName}" cannot be spread here as objects of type "${text(parent.Name)}" can never be of type "${text(fragmentType.Name)}".`
        : `Fragment cannot be spread here as objects of type "${text(parent.Name)}" can never be of type "${text(fragmentType.Name)}".`,
    );
  }
}

interface Context {
  readonly schema: Schema;
  readonly fragments: Map<string, Node>;
  readonly usedFragments: Set<string>;
  readonly usedVariables: Set<string>;
  readonly visiting: Set<string>;
}

function checkValue(ctx: Context, value: Node | undefined, type: Node | undefined, variables: Map<string, Node> | undefined): void {
  if (!value || !type) return;
  const kind = value.Kind as number;
  if (kind === VALUE_KIND.Variable) {
    const name = text(value.Raw);
    ctx.usedVariables.add(name);
    if (variables && !variables.has(name)) fail(`Variable "$${name}" is not defined.`);
    const definition = variables?.get(name);
    if (definition) {
      const declared = definition.Type as Node;
      const hasDefault = definition.DefaultValue !== undefined && (definition.DefaultValue as Node).Kind !== VALUE_KIND.Null;
      const effective = hasDefault && !declared.NonNull ? { ...declared, NonNull: true } : declared;
      if (!isSubType(ctx, effective, type)) {
        fail(`Variable "$${name}" of type "${typeString(declared)}" used in position expecting type "${typeString(type)}".`);
      }
    }
    return;
  }
  if (kind === VALUE_KIND.Null) {
    if (type.NonNull) fail(`Expected value of type "${typeString(type)}", found null.`);
    return;
  }
  if (type.Elem) {
    if (kind === VALUE_KIND.List) for (const c of list(value.Children)) checkValue(ctx, c.Value as Node, type.Elem as Node, variables);
    else checkValue(ctx, value, type.Elem as Node, variables);
    return;
  }
  const def = ctx.schema.types.get(text(type.NamedType));
  if (!def) return;
  const raw = text(value.Raw);
  const bad = (): never => fail(`${kind === VALUE_KIND.String || kind === VALUE_KIND.Block ? 'String cannot represent a non' : 'Expected value of type'} ${kind === VALUE_KIND.String || kind === VALUE_KIND.Block ? `${text(def.Name)} value: "${raw}"` : `"${typeString(type)}", found ${raw}.`}`);
  switch (def.Kind) {
    case 'ENUM':
      if (kind !== VALUE_KIND.Enum || !list(def.EnumValues).some((v) => v.Name === raw)) fail(`Value "${raw}" does not exist in "${text(def.Name)}" enum.`);
      return;
    case 'INPUT_OBJECT': {
      if (kind !== VALUE_KIND.Object) bad();
      const given = list(value.Children);
      for (const c of given) {
        const field = list(def.Fields).find((f) => f.Name === c.Name);
        if (!field) fail(`Field "${text(c.Name)}" is not defined by type "${text(def.Name)}".`);
        checkValue(ctx, c.Value as Node, field.Type as Node, variables);
      }
      for (const f of list(def.Fields)) {
        if ((f.Type as Node | undefined)?.NonNull && !f.DefaultValue && !given.some((c) => c.Name === f.Name)) {
          fail(`Field "${text(def.Name)}.${text(f.Name)}" of required type "${typeString(f.Type as Node)}" was not provided.`);
        }
      }
      return;
    }
    case 'SCALAR':
      switch (text(def.Name)) {
        case 'Int':
          if (kind !== VALUE_KIND.Int) bad();
          return;
        case 'Float':
          if (kind !== VALUE_KIND.Int && kind !== VALUE_KIND.Float) bad();
          return;
        case 'String':
          if (kind !== VALUE_KIND.String && kind !== VALUE_KIND.Block) bad();
          return;
        case 'Boolean':
          if (kind !== VALUE_KIND.Boolean) bad();
          return;
        case 'ID':
          if (kind !== VALUE_KIND.Int && kind !== VALUE_KIND.String && kind !== VALUE_KIND.Block) bad();
          return;
      }
  }
}

function checkArguments(ctx: Context, args: Node[], definitions: Node[], where: string, fieldName: string, variables?: Map<string, Node>): void {
  const seen = new Set<string>();
  for (const arg of args) {
    const name = text(arg.Name);
    if (seen.has(name)) fail(`There can be only one argument named "${name}".`);
    seen.add(name);
    const def = definitions.find((d) => d.Name === name);
    if (!def) fail(`Unknown argument "${name}" on ${where}.`);
    checkValue(ctx, arg.Value as Node, def.Type as Node, variables);
  }
  for (const def of definitions) {
    const type = def.Type as Node | undefined;
    if (type?.NonNull && !def.DefaultValue && !args.some((a) => a.Name === def.Name)) {
      fail(`Field "${fieldName}" argument "${text(def.Name)}" of type "${typeString(type)}" is required, but it was not provided.`);
    }
  }
}

function checkDirectives(ctx: Context, directives: Node[], location: string, variables?: Map<string, Node>): void {
  const seen = new Set<string>();
  for (const dir of directives) {
    const name = text(dir.Name);
    const def = ctx.schema.directives.get(name);
    if (!def) fail(`Unknown directive "@${name}".`);
    if (!(def.Locations as string[] | undefined)?.includes(location)) fail(`Directive "@${name}" may not be used on ${location}.`);
    if (seen.has(name) && !def.IsRepeatable) fail(`The directive "@${name}" can only be used once at this location.`);
    seen.add(name);
    checkArguments(ctx, list(dir.Arguments), list(def.Arguments), `directive "@${name}"`, name, variables);
  }
}

/** Fields of a selection set by response name, looking through inline fragments and fragment spreads. */
function collectFields(ctx: Context, selections: Node[], out: Map<string, Node[]>, seen: Set<string>): Map<string, Node[]> {
  for (const selection of selections) {
    if (typeof selection.Alias === 'string') {
      const list0 = out.get(selection.Alias) ?? [];
      list0.push(selection);
      out.set(selection.Alias, list0);
    } else if (typeof selection.Name === 'string') {
      const name = selection.Name;
      const fragment = ctx.fragments.get(name);
      if (fragment && !seen.has(name)) {
        seen.add(name);
        collectFields(ctx, list(fragment.SelectionSet), out, seen);
      }
    } else collectFields(ctx, list(selection.SelectionSet), out, seen);
  }
  return out;
}

const valueText = (v: unknown): string => JSON.stringify(v, (k, x) => (k === 'Position' ? undefined : x));

/** OverlappingFieldsCanBeMerged (same response name must mean the same field with the same arguments). */
function checkOverlaps(ctx: Context, selections: Node[]): void {
  for (const [alias, fields] of collectFields(ctx, selections, new Map(), new Set())) {
    const [first, ...rest] = fields;
    for (const other of rest) {
      if (first!.Name !== other.Name) {
        fail(`Fields "${alias}" conflict because ${text(first!.Name)} and ${text(other.Name)} are different fields. Use different aliases on the fields to fetch both if this was intentional.`, other);
      }
      if (valueText(list(first!.Arguments)) !== valueText(list(other.Arguments))) {
        fail(`Fields "${alias}" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.`, other);
      }
    }
  }
}

function checkSelectionSet(ctx: Context, selections: Node[], parent: Node, variables?: Map<string, Node>): void {
  checkOverlaps(ctx, selections);
  for (const selection of selections) {
    current = selection;
    const isField = typeof selection.Alias === 'string';
    const isSpread = !isField && typeof selection.Name === 'string';
    if (!isField && !isSpread) {
      // Inline fragment.
      const condition = text(selection.TypeCondition);
      let target = parent;
      if (condition !== '') {
        const def = ctx.schema.types.get(condition);
        if (!def) fail(`Unknown type "${condition}".`);
        if (!COMPOSITE.has(text(def.Kind))) fail(`Fragment cannot condition on non composite type "${condition}".`);
        checkSpreadPossible(ctx, def, parent);
        target = def;
      }
      checkDirectives(ctx, list(selection.Directives), 'INLINE_FRAGMENT', variables);
      checkSelectionSet(ctx, list(selection.SelectionSet), target, variables);
      continue;
    }
    if (isSpread) {
      // Fragment spread.
      const name = text(selection.Name);
      const fragment = ctx.fragments.get(name);
      if (!fragment) fail(`Unknown fragment "${name}".`);
      ctx.usedFragments.add(name);
      checkDirectives(ctx, list(selection.Directives), 'FRAGMENT_SPREAD', variables);
      if (ctx.visiting.has(name)) fail(`Cannot spread fragment "${name}" within itself.`);
      ctx.visiting.add(name);
      const def = ctx.schema.types.get(text(fragment.TypeCondition));
      if (def) {
        checkSpreadPossible(ctx, def, parent, name);
        checkSelectionSet(ctx, list(fragment.SelectionSet), def, variables);
      }
      ctx.visiting.delete(name);
      continue;
    }
    const name = text(selection.Name);
    checkDirectives(ctx, list(selection.Directives), 'FIELD', variables);
    if (name === '__typename') {
      if (list(selection.SelectionSet).length) fail(`Field "__typename" must not have a selection since type "String!" has no subfields.`);
      continue;
    }
    let field = list(parent.Fields).find((f) => f.Name === name);
    if (!field && ctx.schema.roots.query === parent && (name === '__schema' || name === '__type')) {
      field = name === '__schema'
        ? { Name: '__schema', Type: { NamedType: '__Schema', NonNull: true } }
        : { Name: '__type', Arguments: [{ Name: 'name', Type: { NamedType: 'String', NonNull: true } }], Type: { NamedType: '__Type', NonNull: false } };
    }
    if (!field) fail(`Cannot query field "${name}" on type "${text(parent.Name)}".`);
    checkArguments(ctx, list(selection.Arguments), list(field.Arguments), `field "${text(parent.Name)}.${name}"`, name, variables);
    current = selection;
    const type = ctx.schema.types.get(namedType(field.Type as Node));
    const sub = list(selection.SelectionSet);
    if (type && COMPOSITE.has(text(type.Kind))) {
      if (sub.length === 0) fail(`Field "${name}" of type "${typeString(field.Type as Node)}" must have a selection of subfields. Did you mean "${name} { ... }"?`);
      checkSelectionSet(ctx, sub, type, variables);
    } else if (sub.length > 0) {
      fail(`Field "${name}" must not have a selection since type "${typeString(field.Type as Node)}" has no subfields.`);
    }
  }
}

/** Throws GraphQLValidationError with the first problem found. */
export function validateQuery(schema: Schema, document: Node): void {
  current = undefined;
  const operations = list(document.Operations);
  const fragments = new Map<string, Node>();
  for (const f of list(document.Fragments)) {
    const name = text(f.Name);
    if (fragments.has(name)) fail(`There can be only one fragment named "${name}".`);
    const type = schema.types.get(text(f.TypeCondition));
    if (!type) fail(`Unknown type "${text(f.TypeCondition)}".`);
    if (!COMPOSITE.has(text(type.Kind))) fail(`Fragment "${name}" cannot condition on non composite type "${text(f.TypeCondition)}".`);
    fragments.set(name, f);
  }
  const names = new Set<string>();
  for (const op of operations) {
    const name = text(op.Name);
    if (name === '' && operations.length > 1) fail('This anonymous operation must be the only defined operation.');
    if (name !== '') {
      if (names.has(name)) fail(`There can be only one operation named "${name}".`);
      names.add(name);
    }
  }
  const usedFragments = new Set<string>();
  for (const op of operations) {
    current = op;
    const operation = text(op.Operation) || 'query';
    const root = schema.roots[operation as 'query' | 'mutation' | 'subscription'];
    if (!root) fail(`Schema does not support operation type "${operation}"`);
    const variables = new Map<string, Node>();
    for (const v of list(op.VariableDefinitions)) {
      const name = text(v.Variable);
      if (variables.has(name)) fail(`There can be only one variable named "$${name}".`);
      const type = schema.types.get(namedType(v.Type as Node));
      if (!type) fail(`Unknown type "${namedType(v.Type as Node)}".`);
      if (!['SCALAR', 'ENUM', 'INPUT_OBJECT'].includes(text(type.Kind))) {
        fail(`Variable "$${name}" cannot be non-input type "${typeString(v.Type as Node)}".`);
      }
      variables.set(name, v);
    }
    const ctx: Context = { schema, fragments, usedFragments, usedVariables: new Set(), visiting: new Set() };
    checkDirectives(ctx, list(op.Directives), operation.toUpperCase(), variables);
    checkSelectionSet(ctx, list(op.SelectionSet), root, variables);
    for (const name of variables.keys()) {
      if (!ctx.usedVariables.has(name)) fail(`Variable "$${name}" is never used${op.Name ? ` in operation "${text(op.Name)}"` : ''}.`);
    }
    if (operation === 'subscription' && list(op.SelectionSet).length !== 1) {
      fail(`${op.Name ? `Subscription "${text(op.Name)}"` : 'Anonymous Subscription'} must select only one top level field.`);
    }
  }
  for (const name of fragments.keys()) if (!usedFragments.has(name)) fail(`Fragment "${name}" is never used.`);
}
