/**
 * GraphQL validation as gqlparser does it for OPA: schema documents (merged with the built-in prelude) become a
 * schema, or the first problem is reported; queries are checked against a schema with the main validation rules
 * (root types, fields, leaf selections, arguments, fragments, variables, value kinds).
 */
import { parseSchemaDocument, VALUE_KIND, type Node } from './graphql-parser.ts';

export class GraphQLValidationError extends Error {
  constructor(
    message: string,
    readonly position?: { readonly line: number; readonly column: number },
  ) {
    super(message);
  }
}

const PRELUDE = `
scalar Int
scalar Float
scalar String
scalar Boolean
scalar ID
directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
directive @specifiedBy(url: String!) on SCALAR
directive @oneOf on INPUT_OBJECT
directive @defer(if: Boolean = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
type __Schema { description: String types: [__Type!]! queryType: __Type! mutationType: __Type subscriptionType: __Type directives: [__Directive!]! }
type __Type { kind: __TypeKind! name: String description: String fields(includeDeprecated: Boolean = false): [__Field!] interfaces: [__Type!] possibleTypes: [__Type!] enumValues(includeDeprecated: Boolean = false): [__EnumValue!] inputFields: [__InputValue!] ofType: __Type specifiedByURL: String }
type __Field { name: String! description: String args: [__InputValue!]! type: __Type! isDeprecated: Boolean! deprecationReason: String }
type __InputValue { name: String! description: String type: __Type! defaultValue: String }
type __EnumValue { name: String! description: String isDeprecated: Boolean! deprecationReason: String }
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Directive { name: String! description: String locations: [__DirectiveLocation!]! args: [__InputValue!]! isRepeatable: Boolean! }
enum __DirectiveLocation { QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION }
`;

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface Schema {
  readonly types: Map<string, Node>;
  readonly directives: Map<string, Node>;
  readonly possibleTypes: Map<string, Set<string>>;
  readonly roots: { query?: Node; mutation?: Node; subscription?: Node };
}

function fail(message: string): never {
  throw new GraphQLValidationError(message);
}

export function namedType(type: Node | undefined): string {
  if (!type) return '';
  return type.Elem ? namedType(type.Elem as Node) : text(type.NamedType);
}

function validateName(name: string): void {
  if (name.startsWith('__')) fail(`Name "${name}" must not begin with "__", which is reserved by GraphQL introspection.`);
}

function validateDirectives(schema: Schema, directives: Node[], location: string, current?: string): void {
  for (const dir of directives) {
    const name = text(dir.Name);
    validateName(name);
    if (current !== undefined && name === current) fail(`Directive ${name} cannot refer to itself.`);
    const def = schema.directives.get(name);
    if (!def) fail(`Undefined directive ${name}.`);
    if (!strings(def.Locations).includes(location)) fail(`Directive ${name} is not applicable on ${location}.`);
    for (const arg of list(dir.Arguments)) {
      if (!list(def.Arguments).some((a) => a.Name === arg.Name)) fail(`Undefined argument ${text(arg.Name)} for directive ${name}.`);
    }
    for (const a of list(def.Arguments)) {
      if ((a.Type as Node | undefined)?.NonNull && !a.DefaultValue) {
        const given = list(dir.Arguments).find((x) => x.Name === a.Name);
        if (!given || (given.Value as Node | undefined)?.Kind === VALUE_KIND.Null) fail(`Argument ${text(a.Name)} for directive ${name} cannot be null.`);
      }
    }
  }
}

function validateTypeRef(schema: Schema, type: Node | undefined): void {
  const name = namedType(type);
  if (!schema.types.has(name)) fail(`Undefined type ${name}.`);
}

function isCovariant(schema: Schema, required: Node | undefined, actual: Node | undefined): boolean {
  if (!required || !actual) return false;
  if (required.NonNull && !actual.NonNull) return false;
  if (text(required.NamedType) !== '') {
    if (required.NamedType === actual.NamedType) return true;
    return schema.possibleTypes.get(text(required.NamedType))?.has(text(actual.NamedType)) ?? false;
  }
  if (required.Elem && !actual.Elem) return false;
  return isCovariant(schema, required.Elem as Node, actual.Elem as Node);
}

function sameType(a: Node | undefined, b: Node | undefined): boolean {
  if (!a || !b) return a === b;
  return text(a.NamedType) === text(b.NamedType) && Boolean(a.NonNull) === Boolean(b.NonNull) && sameType(a.Elem as Node, b.Elem as Node);
}

function typeString(t: Node | undefined): string {
  if (!t) return '';
  const inner = t.Elem ? `[${typeString(t.Elem as Node)}]` : text(t.NamedType);
  return t.NonNull ? `${inner}!` : inner;
}

function validateImplements(schema: Schema, def: Node, interfaceName: string): void {
  const intf = schema.types.get(interfaceName);
  const name = text(def.Name);
  if (!intf) fail(`Undefined type ${interfaceName}.`);
  if (intf.Kind !== 'INTERFACE') fail(`${interfaceName} is a non interface type ${intf.Kind}.`);
  for (const required of list(intf.Fields)) {
    const found = list(def.Fields).find((f) => f.Name === required.Name);
    if (!found) fail(`For ${name} to implement ${interfaceName} it must have a field called ${text(required.Name)}.`);
    if (!isCovariant(schema, required.Type as Node, found.Type as Node)) {
      fail(`For ${name} to implement ${interfaceName} the field ${text(required.Name)} must have type ${typeString(required.Type as Node)}.`);
    }
    for (const arg of list(required.Arguments)) {
      const foundArg = list(found.Arguments).find((a) => a.Name === arg.Name);
      if (!foundArg) fail(`For ${name} to implement ${interfaceName} the field ${text(required.Name)} must have the same arguments but it is missing ${text(arg.Name)}.`);
      if (!sameType(arg.Type as Node, foundArg.Type as Node)) {
        fail(`For ${name} to implement ${interfaceName} the field ${text(required.Name)} must have the same arguments but ${text(arg.Name)} has the wrong type.`);
      }
    }
    for (const arg of list(found.Arguments)) {
      if (!list(required.Arguments).some((a) => a.Name === arg.Name) && (arg.Type as Node | undefined)?.NonNull && !arg.DefaultValue) {
        fail(`For ${name} to implement ${interfaceName} any additional arguments on ${text(found.Name)} must be optional or have a default value but ${text(arg.Name)} is required.`);
      }
    }
  }
  for (const ancestor of strings(intf.Interfaces)) {
    if (!strings(def.Interfaces).includes(ancestor)) fail(`${name} must implement ${ancestor} because it is implemented by ${interfaceName}.`);
  }
}

const OUTPUT_KINDS = new Set(['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM']);
const INPUT_KINDS = new Set(['SCALAR', 'ENUM', 'INPUT_OBJECT']);

function validateDefinition(schema: Schema, def: Node): void {
  const name = text(def.Name);
  const kind = text(def.Kind);
  if (!def.BuiltIn) validateName(name);
  const fields = list(def.Fields);
  if (kind === 'OBJECT' || kind === 'INTERFACE') {
    if (fields.length === 0) fail(`${kind} ${name}: must define one or more fields.`);
    for (const f of fields) {
      const t = schema.types.get(namedType(f.Type as Node));
      if (t && !OUTPUT_KINDS.has(text(t.Kind))) fail(`${kind} ${name}: field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.`);
    }
  } else if (kind === 'ENUM') {
    if (list(def.EnumValues).length === 0) fail(`${kind} ${name}: must define one or more unique enum values.`);
    for (const v of list(def.EnumValues)) {
      if (['true', 'false', 'null'].includes(text(v.Name))) fail(`${kind} ${name}: non-enum value ${text(v.Name)}.`);
      validateDirectives(schema, list(v.Directives), 'ENUM_VALUE');
    }
  } else if (kind === 'INPUT_OBJECT') {
    if (fields.length === 0) fail(`${kind} ${name}: must define one or more input fields.`);
    for (const f of fields) {
      const t = schema.types.get(namedType(f.Type as Node));
      if (t && !INPUT_KINDS.has(text(t.Kind))) fail(`${kind} ${name}: field must be one of SCALAR, ENUM, INPUT_OBJECT.`);
    }
  }
  for (let i = 0; i < fields.length; i++) {
    for (let j = i + 1; j < fields.length; j++) if (fields[i]!.Name === fields[j]!.Name) fail(`Field ${name}.${text(fields[i]!.Name)} can only be defined once.`);
  }
  for (const f of fields) {
    if (!def.BuiltIn) validateName(text(f.Name));
    validateTypeRef(schema, f.Type as Node);
    for (const arg of list(f.Arguments)) {
      validateName(text(arg.Name));
      validateTypeRef(schema, arg.Type as Node);
      validateDirectives(schema, list(arg.Directives), 'ARGUMENT_DEFINITION');
    }
    validateDirectives(schema, list(f.Directives), kind === 'INPUT_OBJECT' ? 'INPUT_FIELD_DEFINITION' : 'FIELD_DEFINITION');
  }
  for (const member of strings(def.Types)) {
    const t = schema.types.get(member);
    if (!t) fail(`Undefined type ${member}.`);
    if (t.Kind !== 'OBJECT') fail(`${kind} type ${member} must be OBJECT.`);
  }
  for (const intf of strings(def.Interfaces)) validateImplements(schema, def, intf);
  validateDirectives(schema, list(def.Directives), kind);
}

let preludeDocument: Node | undefined;

/** Merges the prelude with the document and validates it into a schema (gqlparser's ValidateSchemaDocument). */
export function buildSchema(document: Node): Schema {
  preludeDocument ??= parseSchemaDocument(PRELUDE);
  const builtIn = (nodes: Node[]): Node[] => nodes.map((n) => ({ ...n, BuiltIn: true }));
  const definitions = [...builtIn(list(preludeDocument.Definitions)), ...list(document.Definitions).map((d) => ({ ...d }))];
  const directives = [...list(preludeDocument.Directives), ...list(document.Directives)];
  const schema: Schema = { types: new Map(), directives: new Map(), possibleTypes: new Map(), roots: {} };
  for (const def of definitions) {
    if (schema.types.has(text(def.Name))) fail(`Cannot redeclare type ${text(def.Name)}.`);
    schema.types.set(text(def.Name), def);
  }
  const all = [...definitions];
  for (const ext of list(document.Extensions)) {
    let def = schema.types.get(text(ext.Name));
    if (!def) {
      def = { Kind: ext.Kind, Name: ext.Name, BuiltIn: false };
      schema.types.set(text(ext.Name), def);
      all.push(def);
    }
    if (def.Kind !== ext.Kind) fail(`Cannot extend type ${text(ext.Name)} because the base type is a ${text(def.Kind)}, not ${text(ext.Kind)}.`);
    for (const k of ['Directives', 'Interfaces', 'Fields', 'Types', 'EnumValues']) def[k] = [...list(def[k]), ...list(ext[k])];
  }
  const addPossible = (name: string, type: string): void => {
    let set = schema.possibleTypes.get(name);
    if (!set) schema.possibleTypes.set(name, (set = new Set()));
    set.add(type);
  };
  for (const def of all) {
    const name = text(def.Name);
    if (def.Kind === 'UNION') for (const t of strings(def.Types)) addPossible(name, t);
    if (def.Kind === 'OBJECT' || def.Kind === 'INPUT_OBJECT') {
      for (const intf of strings(def.Interfaces)) addPossible(intf, name);
      addPossible(name, name);
    }
    if (def.Kind === 'INTERFACE') for (const intf of strings(def.Interfaces)) addPossible(intf, name);
  }
  for (const dir of directives) {
    const name = text(dir.Name);
    if (schema.directives.has(name) && !['include', 'skip', 'deprecated', 'specifiedBy', 'defer', 'oneOf'].includes(name)) {
      fail(`Cannot redeclare directive ${name}.`);
    }
    if (!schema.directives.has(name) || list(preludeDocument.Directives).every((d) => d.Name !== name)) schema.directives.set(name, dir);
  }
  const schemaDefs = list(document.Schema);
  if (schemaDefs.length > 1) fail('Cannot have multiple schema entry points, consider schema extensions instead.');
  for (const entry of [...schemaDefs, ...list(document.SchemaExtension)]) {
    for (const op of list(entry.OperationTypes)) {
      const def = schema.types.get(text(op.Type));
      if (!def) fail(`Schema root ${text(op.Operation)} refers to a type ${text(op.Type)} that does not exist.`);
      schema.roots[text(op.Operation) as 'query' | 'mutation' | 'subscription'] = def;
    }
    validateDirectives(schema, list(entry.Directives), 'SCHEMA');
  }
  for (const name of [...schema.types.keys()].sort()) validateDefinition(schema, schema.types.get(name)!);
  for (const dir of schema.directives.values()) {
    validateName(text(dir.Name));
    for (const arg of list(dir.Arguments)) {
      validateName(text(arg.Name));
      validateTypeRef(schema, arg.Type as Node);
      validateDirectives(schema, list(arg.Directives), 'ARGUMENT_DEFINITION', text(dir.Name));
    }
  }
  if (schemaDefs.length === 0) {
    schema.roots.query ??= schema.types.get('Query');
    schema.roots.mutation ??= schema.types.get('Mutation');
    schema.roots.subscription ??= schema.types.get('Subscription');
  }
  return schema;
}
