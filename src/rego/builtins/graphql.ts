/** OPA category `graphql`: parse queries and schemas into gqlparser-shaped ASTs, validate schemas and queries. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { GraphQLSyntaxError, parseQueryDocument, parseSchemaDocument, type Node } from './graphql-parser.ts';
import { validateQuery } from './graphql-query-validation.ts';
import { buildSchema, GraphQLValidationError } from './graphql-validate.ts';
import { stringOperand, typeError } from './operands.ts';
import { fromJS, RegoObject, toJS, type RegoValue } from '../value.ts';

const builtin = defineCategory('graphql');

/** OPA's pruning: drop nulls and empty arrays/objects (AST positions are never produced). */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      if (v === null || v === undefined) continue;
      const p = prune(v);
      if (typeof p === 'object' && p !== null && (Array.isArray(p) ? p.length === 0 : Object.keys(p).length === 0)) continue;
      out.push(p);
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || k === 'Position') continue;
      const p = prune(v);
      if (typeof p === 'object' && p !== null && (Array.isArray(p) ? p.length === 0 : Object.keys(p).length === 0)) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

const toRego = (node: Node): RegoValue => fromJS(prune(node));

function syntaxError(error: unknown, query: boolean): never {
  if (error instanceof GraphQLSyntaxError) throw new BuiltinError(`${error.message} in GraphQL string at location ${error.line}:${error.column}`);
  void query;
  throw error;
}

function queryDocument(v: RegoValue | undefined, position: number): Node {
  if (typeof v === 'string') {
    try {
      return parseQueryDocument(v);
    } catch (error) {
      return syntaxError(error, true);
    }
  }
  if (v instanceof RegoObject) return toJS(v) as Node;
  throw typeError(position, v ?? null, 'string', 'object');
}

function schemaDocument(v: RegoValue | undefined, position: number): Node {
  if (typeof v === 'string') {
    try {
      return parseSchemaDocument(v);
    } catch (error) {
      return syntaxError(error, false);
    }
  }
  if (v instanceof RegoObject) return toJS(v) as Node;
  throw typeError(position, v ?? null, 'string', 'object');
}

/** Parses both, validates the query against the schema; throws OPA's messages. */
function parseAndValidate(q: RegoValue | undefined, s: RegoValue | undefined): [Node, Node] {
  const query = queryDocument(q, 0);
  const schema = schemaDocument(s, 1);
  const queryValue = structuredClone(query);
  const schemaValue = structuredClone(schema);
  let built;
  try {
    built = buildSchema(schema);
  } catch (error) {
    if (error instanceof GraphQLValidationError) throw new BuiltinError(`Error in gqlparser SchemaDocument to Schema conversion: ${error.message}`);
    throw error;
  }
  try {
    validateQuery(built, query);
  } catch (error) {
    if (error instanceof GraphQLValidationError) {
      const where = error.position ? ` at location ${error.position.line}:${error.position.column}` : '';
      throw new BuiltinError(`${error.message.replace(/\.$/, '')} in GraphQL string${where}`);
    }
    throw error;
  }
  return [queryValue, schemaValue];
}

function succeeds(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (error) {
    if (error instanceof BuiltinError || error instanceof GraphQLValidationError || error instanceof GraphQLSyntaxError) return false;
    throw error;
  }
}

export const graphqlBuiltins = [
  builtin('graphql.parse_query', ([q]) => {
    const text = stringOperand(q, 1);
    try {
      return toRego(parseQueryDocument(text));
    } catch (error) {
      return syntaxError(error, true);
    }
  }),
  builtin('graphql.parse_schema', ([s]) => {
    const text = stringOperand(s, 1);
    try {
      return toRego(parseSchemaDocument(text));
    } catch (error) {
      return syntaxError(error, false);
    }
  }),
  builtin(
    'graphql.parse',
    ([q, s]) => {
      const [query, schema] = parseAndValidate(q, s);
      return [toRego(query), toRego(schema)];
    },
    { checkOperands: false },
  ),
  builtin(
    'graphql.parse_and_verify',
    ([q, s]) => {
      let result: [Node, Node] | undefined;
      if (!succeeds(() => (result = parseAndValidate(q, s))) || !result) return [false, new RegoObject(), new RegoObject()];
      return [true, toRego(result[0]), toRego(result[1])];
    },
    { checkOperands: false },
  ),
  builtin('graphql.is_valid', ([q, s]) => succeeds(() => parseAndValidate(q, s)), { checkOperands: false }),
  builtin(
    'graphql.schema_is_valid',
    ([s]) =>
      succeeds(() => {
        buildSchema(schemaDocument(s, 0));
      }),
    { checkOperands: false },
  ),
];
