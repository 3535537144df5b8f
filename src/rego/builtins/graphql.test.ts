import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { fromJS, toJSONText, type RegoValue } from '../value.ts';

const schema = `
  type Query { employeeByID(id: String!): Employee, hello(flag: Boolean): String }
  type Employee { id: String!, salary: Int!, manager: Employee }
  interface Node { id: ID! }
  type Thing implements Node { id: ID!, name: String }
`;

describe('graphql builtins', () => {
  it('parses queries into the gqlparser AST shape without empty members', () => {
    // From graphql/test-graphql-parse-query.yaml "success-variables can have directives".
    const ast = callBuiltin('graphql.parse_query', ['query ($withDirective: String @first @second, $withoutDirective: String) { f }'])!;
    expect(toJSONText(ast)).toBe(
      toJSONText(
        fromJS({
          Operations: [
            {
              Name: '',
              Operation: 'query',
              SelectionSet: [{ Alias: 'f', Name: 'f' }],
              VariableDefinitions: [
                { Directives: [{ Location: '', Name: 'first' }, { Location: '', Name: 'second' }], Type: { NamedType: 'String', NonNull: false }, Used: false, Variable: 'withDirective' },
                { Type: { NamedType: 'String', NonNull: false }, Used: false, Variable: 'withoutDirective' },
              ],
            },
          ],
        }),
      ),
    );
  });

  it.each([
    ['graphql.parse_query', '{', 'graphql.parse_query: Expected Name, found <EOF> in GraphQL string at location 1:2'],
    ['graphql.parse_query', '{ ...MissingOn }\nfragment MissingOn Type', 'Expected "on", found Name "Type" in GraphQL string at location 2:20'],
    ['graphql.parse_query', 'query Foo($x: Complex = { a: { b: [ $var ] } }) { field }', 'Unexpected $ in GraphQL string at location 1:37'],
    ['graphql.parse_schema', 'type Hello {}', 'expected at least one definition, found } in GraphQL string at location 1:13'],
    ['graphql.parse_schema', 'directive @foo on FIELD | INCORRECT_LOCATION', 'Unexpected Name "INCORRECT_LOCATION" in GraphQL string at location 1:27'],
    ['graphql.parse_schema', '\n  "Description"\n  extend type Hello { world: String }', 'Unexpected String "Description" in GraphQL string at location 2:4'],
  ])('%s reports %s', (name, source, message) => {
    expect(() => callBuiltin(name, [source])).toThrow(message);
  });

  it.each([
    ['{ employeeByID(id: "a") { id salary } }', true],
    ['{ employeeByID(id: "a") { id salary manager { id } } }', true],
    ['{ employeeByID { id } }', false],
    ['{ employeeByID(id: "a") { nope } }', false],
    ['{ employeeByID(id: "a") }', false],
    ['{ hello { x } }', false],
    ['query Q($v: Boolean) { hello(flag: $v) }', true],
    ['query Q($v: Boolean) { hello }', false],
    ['{ hello(flag: "yes") }', false],
    ['mutation { hello }', false],
    ['query Q($v: String) { employeeByID(id: $v) { id } }', false],
    ['query Q($v: String = "x") { employeeByID(id: $v) { id } }', true],
    ['query Q($v: String!) { employeeByID(id: $v) { id } }', true],
    ['{ employeeByID(id: "a") { ... on Thing { id } } }', false],
    ['{ employeeByID(id: "a") { ... on Employee { id } } }', true],
    ['{ x: hello y: hello(flag: true) }', true],
    ['{ x: hello x: hello(flag: true) }', false],
    ['{ hello: employeeByID(id: "a") { id } hello }', false],
    ['{ hello hello }', true],
  ] as Array<[string, boolean]>)('is_valid %s -> %s', (query, valid) => {
    expect(callBuiltin('graphql.is_valid', [query, schema])).toBe(valid);
  });

  it.each([
    [schema, true],
    ['type Query { a: Missing }', false],
    ['type Query { a: String } type Query { b: String }', false],
    ['type Query { a: String } type T implements Query { a: String }', false],
    ['interface I { a: String } type Query implements I { b: String }', false],
    ['type Query { __a: String }', false],
    ['enum E { A } type Query { e: E }', true],
    ['union U = Query | String type Query { a: String }', false],
  ] as Array<[string, boolean]>)('schema_is_valid %#', (source, valid) => {
    expect(callBuiltin('graphql.schema_is_valid', [source])).toBe(valid);
  });

  it('explains the first validation error of graphql.parse with its location', () => {
    expect(() => callBuiltin('graphql.parse', ['{\n  employeeByID { id }\n}', schema])).toThrow(
      'graphql.parse: Field "employeeByID" argument "id" of type "String!" is required, but it was not provided in GraphQL string at location 2:3',
    );
  });

  it('accepts ASTs as objects in place of source text', () => {
    const ast = callBuiltin('graphql.parse_schema', [schema]) as RegoValue;
    expect(callBuiltin('graphql.is_valid', ['{ hello }', ast])).toBe(true);
  });
});
