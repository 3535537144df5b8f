/**
 * The registry of builtins implemented here: every OPA builtin in OPA's capabilities except the few that need the
 * evaluator's internals (print, walk, trace, rego.metadata.*, rego.parse_module, opa.runtime, internal.member_*,
 * internal.test_case, internal.print, eq, assign, equal) and the network builtins (http.send, net.lookup_ip_addr),
 * which the evaluator registers itself. Explicit list, one array per OPA category file.
 */
import type { BuiltinDefinition } from './define-builtin.ts';
import { aggregateBuiltins } from './aggregates.ts';
import { arithmeticBuiltins } from './arithmetic.ts';
import { arrayBuiltins } from './array.ts';
import { bitsBuiltins } from './bits.ts';
import { comparisonBuiltins } from './comparison.ts';
import { encodingBuiltins } from './encoding.ts';
import { objectBuiltins } from './objects.ts';
import { setBuiltins } from './sets.ts';
import { stringFormattingBuiltins } from './string-formatting.ts';
import { stringBuiltins } from './strings.ts';
import { testOnlyBuiltins } from './test-only.ts';
import { timeBuiltins } from './time.ts';
import { typeBuiltins } from './types.ts';
import { cryptoBuiltins } from './crypto.ts';
import { globBuiltins } from './glob.ts';
import { graphBuiltins } from './graph.ts';
import { graphqlBuiltins } from './graphql.ts';
import { jsonSchemaBuiltins } from './json-schema-builtins.ts';
import { jwtBuiltins } from './jwt.ts';
import { netBuiltins } from './net.ts';
import { providersAwsBuiltins } from './providers-aws.ts';
import { regexBuiltins } from './regex.ts';
import { semverBuiltins } from './semver.ts';
import { unitsBuiltins } from './units.ts';
import { uuidBuiltins } from './uuid.ts';
import { x509Builtins } from './x509.ts';

export type { BuiltinContext, BuiltinDefinition, RegoType } from './define-builtin.ts';
export { BuiltinError, defineBuiltin } from './define-builtin.ts';

/** OPA builtins that the evaluator implements (they need its internals or the network). */
export const EVALUATOR_BUILTINS: readonly string[] = [
  'print',
  'internal.print',
  'walk',
  'trace',
  'rego.metadata.rule',
  'rego.metadata.chain',
  'rego.parse_module',
  'opa.runtime',
  'internal.member_2',
  'internal.member_3',
  'internal.test_case',
  'eq',
  'assign',
  'equal',
  'http.send',
  'net.lookup_ip_addr',
];

/** OPA builtins not implemented yet, with the reason (listed in docs/rego-builtins.md). */
export const NOT_IMPLEMENTED: ReadonlyMap<string, string> = new Map([
]);

function indexByName(definitions: readonly BuiltinDefinition[]): ReadonlyMap<string, BuiltinDefinition> {
  const map = new Map<string, BuiltinDefinition>();
  for (const d of definitions) {
    if (map.has(d.name)) throw new Error(`duplicate builtin ${d.name}`);
    map.set(d.name, d);
  }
  return map;
}

export const BUILTINS: ReadonlyMap<string, BuiltinDefinition> = indexByName([
  ...aggregateBuiltins,
  ...arithmeticBuiltins,
  ...arrayBuiltins,
  ...bitsBuiltins,
  ...comparisonBuiltins,
  ...encodingBuiltins,
  ...objectBuiltins,
  ...setBuiltins,
  ...stringBuiltins,
  ...stringFormattingBuiltins,
  ...testOnlyBuiltins,
  ...timeBuiltins,
  ...typeBuiltins,
  ...cryptoBuiltins,
  ...globBuiltins,
  ...graphBuiltins,
  ...graphqlBuiltins,
  ...jsonSchemaBuiltins,
  ...jwtBuiltins,
  ...netBuiltins,
  ...providersAwsBuiltins,
  ...regexBuiltins,
  ...semverBuiltins,
  ...unitsBuiltins,
  ...uuidBuiltins,
  ...x509Builtins,
]);
