/**
 * GraphQL parser producing documents in the shape of gqlparser's Go AST (field names as Go marshals them, no
 * positions), with gqlparser's error messages (`Expected Name, found <EOF>`) and locations.
 */
import { tokenize, tokenText, type Token, type TokenKind } from './graphql-lexer.ts';

export class GraphQLSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** A loosely typed AST node (serialised to Rego by pruning empty members). */
export type Node = { [key: string]: unknown };

export const VALUE_KIND = { Variable: 0, Int: 1, Float: 2, String: 3, Block: 4, Boolean: 5, Null: 6, Enum: 7, List: 8, Object: 9 } as const;

const DIRECTIVE_LOCATIONS = new Set([
  'QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD', 'FRAGMENT_DEFINITION', 'FRAGMENT_SPREAD', 'INLINE_FRAGMENT',
  'VARIABLE_DEFINITION', 'SCHEMA', 'SCALAR', 'OBJECT', 'FIELD_DEFINITION', 'ARGUMENT_DEFINITION', 'INTERFACE', 'UNION',
  'ENUM', 'ENUM_VALUE', 'INPUT_OBJECT', 'INPUT_FIELD_DEFINITION',
]);

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1 || t.kind !== '<EOF>') this.index++;
    return t;
  }
  fail(t: Token, message: string): never {
    throw new GraphQLSyntaxError(message, t.line, t.column);
  }
  unexpected(t: Token = this.peek()): never {
    return this.fail(t, `Unexpected ${tokenText(t)}`);
  }
  skip(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.next();
    return true;
  }
  expect(kind: TokenKind): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t, `Expected ${kind}, found ${t.kind}`);
    return this.next();
  }
  expectKeyword(value: string): Token {
    const t = this.peek();
    if (t.kind !== 'Name' || t.value !== value) this.fail(t, `Expected ${JSON.stringify(value)}, found ${tokenText(t)}`);
    return this.next();
  }
  /** Optional `start`, then zero or more items until `end`. */
  many<T>(start: TokenKind, end: TokenKind, item: () => T): T[] {
    const out: T[] = [];
    if (!this.skip(start)) return out;
    while (this.peek().kind !== end) out.push(this.progress(item));
    this.next();
    return out;
  }
  /** Optional `start`, then at least one item until `end`. */
  some<T>(start: TokenKind, end: TokenKind, item: () => T): T[] {
    const out: T[] = [];
    if (!this.skip(start)) return out;
    if (this.peek().kind === end) this.fail(this.peek(), `expected at least one definition, found ${this.peek().kind}`);
    while (this.peek().kind !== end) out.push(this.progress(item));
    this.next();
    return out;
  }

  /** Runs a list item parser, failing instead of looping when it consumed nothing. */
  progress<T>(item: () => T): T {
    const before = this.index;
    const value = item();
    if (this.index === before) this.unexpected();
    return value;
  }

  position(t: Token = this.peek()): Node {
    return { Line: t.line, Column: t.column };
  }

  name(): string {
    return this.expect('Name').value;
  }

  // ---- query documents
  queryDocument(): Node {
    const operations: Node[] = [];
    const fragments: Node[] = [];
    while (this.peek().kind !== '<EOF>') {
      const t = this.peek();
      if (t.kind === '{') operations.push(this.operationDefinition());
      else if (t.kind === 'Name' && ['query', 'mutation', 'subscription'].includes(t.value)) operations.push(this.operationDefinition());
      else if (t.kind === 'Name' && t.value === 'fragment') fragments.push(this.fragmentDefinition());
      else this.unexpected();
    }
    return { Operations: operations, Fragments: fragments };
  }

  operationDefinition(): Node {
    const position = this.position();
    if (this.peek().kind === '{') return { Operation: 'query', Name: '', SelectionSet: this.requiredSelectionSet(), Position: position };
    const operation = this.next().value;
    const name = this.peek().kind === 'Name' ? this.next().value : '';
    return {
      Operation: operation,
      Name: name,
      VariableDefinitions: this.many('(', ')', () => this.variableDefinition()),
      Directives: this.directives(false),
      SelectionSet: this.requiredSelectionSet(),
      Position: position,
    };
  }

  variableDefinition(): Node {
    const position = this.position();
    this.expect('$');
    const variable = this.name();
    this.expect(':');
    const type = this.type();
    const defaultValue = this.skip('=') ? this.value(true) : undefined;
    return { Variable: variable, Type: type, DefaultValue: defaultValue, Directives: this.directives(true), Used: false, Position: position };
  }

  requiredSelectionSet(): Node[] {
    if (this.peek().kind !== '{') this.fail(this.peek(), `Expected {, found ${this.peek().kind}`);
    return this.some('{', '}', () => this.selection());
  }

  selection(): Node {
    if (this.peek().kind === '...') return this.fragment();
    return this.field();
  }

  field(): Node {
    const position = this.position();
    let name = this.name();
    let alias = name;
    if (this.skip(':')) name = this.name();
    else alias = name;
    const args = this.arguments(false);
    const directives = this.directives(false);
    const selectionSet = this.peek().kind === '{' ? this.some('{', '}', () => this.selection()) : [];
    return { Alias: alias, Name: name, Arguments: args, Directives: directives, SelectionSet: selectionSet, Position: position };
  }

  arguments(isConst: boolean): Node[] {
    return this.many('(', ')', () => {
      const position = this.position();
      const name = this.name();
      this.expect(':');
      return { Name: name, Value: this.value(isConst), Position: position };
    });
  }

  fragment(): Node {
    const position = this.position();
    this.expect('...');
    const t = this.peek();
    if (t.kind === 'Name' && t.value !== 'on') return { Name: this.next().value, Directives: this.directives(false), Position: position };
    let typeCondition = '';
    if (t.kind === 'Name' && t.value === 'on') {
      this.next();
      typeCondition = this.name();
    }
    return { TypeCondition: typeCondition, Directives: this.directives(false), SelectionSet: this.requiredSelectionSet(), Position: position };
  }

  fragmentDefinition(): Node {
    this.expectKeyword('fragment');
    if (this.peek().value === 'on') this.unexpected();
    const name = this.name();
    const variables = this.many('(', ')', () => this.variableDefinition());
    this.expectKeyword('on');
    const typeCondition = this.name();
    return { Name: name, VariableDefinition: variables, TypeCondition: typeCondition, Directives: this.directives(false), SelectionSet: this.requiredSelectionSet() };
  }

  value(isConst: boolean): Node {
    const t = this.peek();
    const scalar = (kind: number): Node => {
      this.next();
      return { Raw: t.value, Kind: kind, ExpectedTypeHasDefault: false };
    };
    switch (t.kind) {
      case '[':
        return { Raw: '', Kind: VALUE_KIND.List, ExpectedTypeHasDefault: false, Children: this.many('[', ']', () => ({ Name: '', Value: this.value(isConst) })) };
      case '{':
        return {
          Raw: '',
          Kind: VALUE_KIND.Object,
          ExpectedTypeHasDefault: false,
          Children: this.many('{', '}', () => {
            const name = this.name();
            this.expect(':');
            return { Name: name, Value: this.value(isConst) };
          }),
        };
      case '$':
        if (isConst) this.unexpected();
        this.next();
        return { Raw: this.name(), Kind: VALUE_KIND.Variable, ExpectedTypeHasDefault: false };
      case 'Int':
        return scalar(VALUE_KIND.Int);
      case 'Float':
        return scalar(VALUE_KIND.Float);
      case 'String':
        return scalar(VALUE_KIND.String);
      case 'BlockString':
        return scalar(VALUE_KIND.Block);
      case 'Name':
        if (t.value === 'true' || t.value === 'false') return scalar(VALUE_KIND.Boolean);
        if (t.value === 'null') return scalar(VALUE_KIND.Null);
        return scalar(VALUE_KIND.Enum);
      default:
        return this.unexpected();
    }
  }

  directives(isConst: boolean): Node[] {
    const out: Node[] = [];
    while (this.peek().kind === '@') {
      const position = this.position();
      this.next();
      const name = this.name();
      out.push({ Name: name, Arguments: this.arguments(isConst), Location: '', Position: position });
    }
    return out;
  }

  type(): Node {
    let type: Node;
    if (this.skip('[')) {
      const elem = this.type();
      this.expect(']');
      type = { NamedType: '', Elem: elem, NonNull: false };
    } else type = { NamedType: this.name(), NonNull: false };
    if (this.skip('!')) type.NonNull = true;
    return type;
  }

  // ---- schema documents
  schemaDocument(): Node {
    const doc: { Schema: Node[]; SchemaExtension: Node[]; Directives: Node[]; Definitions: Node[]; Extensions: Node[] } = {
      Schema: [],
      SchemaExtension: [],
      Directives: [],
      Definitions: [],
      Extensions: [],
    };
    while (this.peek().kind !== '<EOF>') {
      let description = '';
      let descriptionToken: Token | undefined;
      if (this.peek().kind === 'String' || this.peek().kind === 'BlockString') {
        descriptionToken = this.next();
        description = descriptionToken.value;
      }
      const t = this.peek();
      if (t.kind !== 'Name') this.unexpected();
      switch (t.value) {
        case 'schema':
          doc.Schema.push(this.schemaDefinition(description));
          break;
        case 'scalar':
        case 'type':
        case 'interface':
        case 'union':
        case 'enum':
        case 'input':
          doc.Definitions.push(this.typeDefinition(description));
          break;
        case 'directive':
          doc.Directives.push(this.directiveDefinition(description));
          break;
        case 'extend':
          if (descriptionToken) this.unexpected(descriptionToken);
          this.extension(doc);
          break;
        default:
          this.unexpected();
      }
    }
    return doc;
  }

  description(): string {
    const t = this.peek();
    if (t.kind === 'String' || t.kind === 'BlockString') {
      this.next();
      return t.value;
    }
    return '';
  }

  schemaDefinition(description: string): Node {
    this.expectKeyword('schema');
    return { Description: description, Directives: this.directives(true), OperationTypes: this.some('{', '}', () => this.operationType()) };
  }

  operationType(): Node {
    const t = this.expect('Name');
    if (!['query', 'mutation', 'subscription'].includes(t.value)) this.unexpected(t);
    this.expect(':');
    return { Operation: t.value, Type: this.name() };
  }

  implementsInterfaces(): string[] {
    const out: string[] = [];
    if (this.peek().kind === 'Name' && this.peek().value === 'implements') {
      this.next();
      this.skip('&');
      out.push(this.name());
      while (this.skip('&')) out.push(this.name());
    }
    return out;
  }

  fieldDefinitions(): Node[] {
    return this.some('{', '}', () => {
      const description = this.description();
      const name = this.name();
      const args = this.argumentDefinitions();
      this.expect(':');
      const type = this.type();
      return { Description: description, Name: name, Arguments: args, Type: type, Directives: this.directives(true) };
    });
  }

  inputValue(): Node {
    const description = this.description();
    const name = this.name();
    this.expect(':');
    const type = this.type();
    const defaultValue = this.skip('=') ? this.value(true) : undefined;
    return { Description: description, Name: name, DefaultValue: defaultValue, Type: type, Directives: this.directives(true) };
  }

  argumentDefinitions(): Node[] {
    return this.some('(', ')', () => this.inputValue());
  }

  unionMembers(): string[] {
    const out: string[] = [];
    if (this.skip('=')) {
      this.skip('|');
      out.push(this.name());
      while (this.skip('|')) out.push(this.name());
    }
    return out;
  }

  enumValues(): Node[] {
    return this.some('{', '}', () => {
      const description = this.description();
      const t = this.peek();
      const name = this.name();
      if (name === 'true' || name === 'false' || name === 'null') this.fail(t, `${name} is reserved and cannot be used for an enum value`);
      return { Description: description, Name: name, Directives: this.directives(true) };
    });
  }

  typeBody(keyword: string, description: string): Node {
    const name = this.name();
    const base: Node = { Description: description, Name: name, BuiltIn: false };
    switch (keyword) {
      case 'scalar':
        return { ...base, Kind: 'SCALAR', Directives: this.directives(true) };
      case 'type':
      case 'interface': {
        const interfaces = this.implementsInterfaces();
        const directives = this.directives(true);
        return { ...base, Kind: keyword === 'type' ? 'OBJECT' : 'INTERFACE', Interfaces: interfaces, Directives: directives, Fields: this.fieldDefinitions() };
      }
      case 'union': {
        const directives = this.directives(true);
        return { ...base, Kind: 'UNION', Directives: directives, Types: this.unionMembers() };
      }
      case 'enum': {
        const directives = this.directives(true);
        return { ...base, Kind: 'ENUM', Directives: directives, EnumValues: this.enumValues() };
      }
      default: {
        const directives = this.directives(true);
        return { ...base, Kind: 'INPUT_OBJECT', Directives: directives, Fields: this.some('{', '}', () => this.inputValue()) };
      }
    }
  }

  typeDefinition(description: string): Node {
    const keyword = this.next().value;
    return this.typeBody(keyword, description);
  }

  directiveDefinition(description: string): Node {
    this.expectKeyword('directive');
    this.expect('@');
    const name = this.name();
    const args = this.argumentDefinitions();
    let repeatable = false;
    if (this.peek().kind === 'Name' && this.peek().value === 'repeatable') {
      this.next();
      repeatable = true;
    }
    this.expectKeyword('on');
    this.skip('|');
    const locations = [this.directiveLocation()];
    while (this.skip('|')) locations.push(this.directiveLocation());
    return { Description: description, Name: name, Arguments: args, Locations: locations, IsRepeatable: repeatable };
  }

  directiveLocation(): string {
    const t = this.peek();
    const name = this.name();
    if (!DIRECTIVE_LOCATIONS.has(name)) this.unexpected(t);
    return name;
  }

  extension(doc: { SchemaExtension: Node[]; Extensions: Node[] }): void {
    this.expectKeyword('extend');
    const t = this.peek();
    if (t.kind === 'Name' && t.value === 'schema') {
      this.next();
      const directives = this.directives(true);
      const operationTypes = this.some('{', '}', () => this.operationType());
      if (directives.length === 0 && operationTypes.length === 0) this.unexpected();
      doc.SchemaExtension.push({ Description: '', Directives: directives, OperationTypes: operationTypes });
      return;
    }
    if (t.kind !== 'Name' || !['scalar', 'type', 'interface', 'union', 'enum', 'input'].includes(t.value)) this.unexpected();
    this.next();
    const def = this.typeBody(t.value, '');
    const empty = (k: string): boolean => !Array.isArray(def[k]) || (def[k] as unknown[]).length === 0;
    const hasContent = ['Interfaces', 'Directives', 'Fields', 'Types', 'EnumValues'].some((k) => !empty(k));
    if (!hasContent) this.unexpected();
    doc.Extensions.push(def);
  }
}

export function parseQueryDocument(source: string): Node {
  return new Parser(source).queryDocument();
}

export function parseSchemaDocument(source: string): Node {
  return new Parser(source).schemaDocument();
}
