/**
 * JSON Schema (draft 4/6/7 keywords) validation with gojsonschema's result shape and wording, for
 * json.verify_schema and json.match_schema. Schemas are checked when loaded (types, keyword shapes).
 */
import { RE2JS } from 're2js';
import { BuiltinError } from './define-builtin.ts';
import { compare, equals, isInteger, isNumber, RegoObject, RegoSet, type RegoValue } from '../value.ts';
import { regoText } from './value-text.ts';
import { marshalJson } from './json-text.ts';

export class SchemaError extends Error {}

const PRIMITIVES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

export interface SchemaViolation {
  readonly field: string;
  readonly type: string;
  readonly desc: string;
}

const get = (schema: RegoValue, key: string): RegoValue | undefined => (schema instanceof RegoObject ? schema.get(key) : undefined);

function jsonType(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (isNumber(v)) return isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof RegoSet) return 'array';
  return 'object';
}

/** Checks a schema's structure the way gojsonschema does when loading it. */
export function checkSchema(schema: RegoValue, depth = 0): void {
  if (depth > 200) throw new SchemaError('schema nesting too deep');
  if (typeof schema === 'boolean') return;
  if (!(schema instanceof RegoObject)) throw new SchemaError(`Invalid type. Expected: object, given: ${jsonType(schema)}`);
  const type = schema.get('type');
  if (type !== undefined) {
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as readonly RegoValue[]) : undefined;
    if (!types) throw new SchemaError(`type must be of type string or array`);
    for (const t of types) {
      if (typeof t !== 'string' || !PRIMITIVES.includes(t)) {
        throw new SchemaError(`has a primitive type that is NOT VALID -- given: /${typeof t === 'string' ? t : regoText(t)}/ Expected valid values are:[${PRIMITIVES.join(' ')}]`);
      }
    }
  }
  const required = schema.get('required');
  if (required !== undefined && !Array.isArray(required)) throw new SchemaError('required must be of an array');
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const map = schema.get(key);
    if (map === undefined) continue;
    if (!(map instanceof RegoObject)) throw new SchemaError(`${key} must be of an object`);
    for (const [, sub] of map) checkSchema(sub, depth + 1);
  }
  for (const key of ['additionalProperties', 'additionalItems', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']) {
    const sub = schema.get(key);
    if (sub !== undefined) checkSchema(sub, depth + 1);
  }
  const items = schema.get('items');
  if (Array.isArray(items)) for (const sub of items as readonly RegoValue[]) checkSchema(sub, depth + 1);
  else if (items !== undefined) checkSchema(items, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const subs = schema.get(key);
    if (subs === undefined) continue;
    if (!Array.isArray(subs) || subs.length === 0) throw new SchemaError(`${key} must be of an array`);
    for (const sub of subs as readonly RegoValue[]) checkSchema(sub, depth + 1);
  }
  const pattern = schema.get('pattern');
  if (pattern !== undefined && (typeof pattern !== 'string' || !validRegex(pattern))) throw new SchemaError('pattern must be a valid regex');
}

function validRegex(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}

/** The string formats gojsonschema checks by default; unknown formats are ignored. */
const FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s.replace(/\.\d+/, ''))),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  time: (s) => /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s),
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  hostname: (s) => s.length <= 255 && /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/.test(s),
  ipv4: (s) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s),
  ipv6: (s) => s.includes(':') && isIPv6(s),
  uri: (s) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(s),
  'uri-reference': (s) => !/\s/.test(s),
  uuid: (s) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s),
  regex: (s) => validRegex(s),
};

function isIPv6(s: string): boolean {
  try {
    return new URL(`http://[${s}]/`).hostname.length > 0;
  } catch {
    return false;
  }
}

function childPath(field: string, key: string | number): string {
  return field === '(root)' ? String(key) : `${field}.${key}`;
}

function resolveRef(root: RegoValue, ref: string): RegoValue | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: RegoValue | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = node instanceof RegoObject ? node.get(key) : Array.isArray(node) ? (node as readonly RegoValue[])[Number(key)] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

const numberText = (v: RegoValue): string => (isNumber(v) ? marshalJson(v) : regoText(v));

/** Validates `value` against `schema`; returns gojsonschema-style violations (empty when valid). */
export function validateAgainstSchema(value: RegoValue, schema: RegoValue, root: RegoValue = schema, field = '(root)', depth = 0): SchemaViolation[] {
  if (depth > 500) throw new BuiltinError('json schema recursion too deep');
  if (schema === true) return [];
  if (schema === false) return [{ field, type: 'false', desc: 'False always fails validation' }];
  if (!(schema instanceof RegoObject)) return [];
  const ref = schema.get('$ref');
  if (typeof ref === 'string') {
    const target = resolveRef(root, ref);
    if (target === undefined) throw new BuiltinError(`json schema: cannot resolve $ref ${ref}`);
    return validateAgainstSchema(value, target, root, field, depth + 1);
  }
  const out: SchemaViolation[] = [];
  const add = (type: string, desc: string, at = field): void => {
    out.push({ field: at, type, desc });
  };
  const actual = jsonType(value);
  const type = schema.get('type');
  if (type !== undefined) {
    const types = (typeof type === 'string' ? [type] : (type as readonly RegoValue[])) as string[];
    const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
    if (!ok) {
      add('invalid_type', `Invalid type. Expected: ${types.join('/')}, given: ${actual}`);
      return out;
    }
  }
  const enumValues = schema.get('enum');
  if (Array.isArray(enumValues) && !(enumValues as readonly RegoValue[]).some((e) => equals(e, value))) {
    add('enum', `${field} must be one of the following: ${(enumValues as readonly RegoValue[]).map((e) => marshalJson(e)).join(', ')}`);
  }
  const constant = schema.get('const');
  if (constant !== undefined && !equals(constant, value)) add('const', `${field} does not match: ${marshalJson(constant)}`);

  if (value instanceof RegoObject) {
    const properties = schema.get('properties');
    const patternProperties = schema.get('patternProperties');
    const additional = schema.get('additionalProperties');
    const required = schema.get('required');
    if (Array.isArray(required)) {
      for (const r of required as readonly RegoValue[]) if (typeof r === 'string' && !value.has(r)) add('required', `${r} is required`);
    }
    for (const [k, v] of value.sortedEntries()) {
      const key = typeof k === 'string' ? k : regoText(k);
      let matched = false;
      const propertySchema = properties instanceof RegoObject ? properties.get(key) : undefined;
      if (propertySchema !== undefined) {
        matched = true;
        out.push(...validateAgainstSchema(v, propertySchema, root, childPath(field, key), depth + 1));
      }
      if (patternProperties instanceof RegoObject) {
        for (const [p, sub] of patternProperties) {
          if (typeof p === 'string' && RE2JS.compile(p).test(key)) {
            matched = true;
            out.push(...validateAgainstSchema(v, sub, root, childPath(field, key), depth + 1));
          }
        }
      }
      if (!matched && additional !== undefined) {
        if (additional === false) add('additional_property_not_allowed', `Additional property ${key} is not allowed`, childPath(field, key));
        else out.push(...validateAgainstSchema(v, additional, root, childPath(field, key), depth + 1));
      }
    }
    const minProperties = get(schema, 'minProperties');
    if (isNumber(minProperties) && value.size < Number(minProperties)) add('array_min_properties', `Must have at least ${numberText(minProperties)} properties`);
    const maxProperties = get(schema, 'maxProperties');
    if (isNumber(maxProperties) && value.size > Number(maxProperties)) add('array_max_properties', `Must have at most ${numberText(maxProperties)} properties`);
    const propertyNames = schema.get('propertyNames');
    if (propertyNames !== undefined) {
      for (const k of value.keys()) {
        if (validateAgainstSchema(k, propertyNames, root, field, depth + 1).length) add('invalid_property_name', `Property "${String(k)}" does not match pattern`);
      }
    }
    const dependencies = schema.get('dependencies');
    if (dependencies instanceof RegoObject) {
      for (const [k, dep] of dependencies) {
        if (!value.has(k)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep as readonly RegoValue[]) if (!value.has(d)) add('missing_dependency', `Has a dependency on ${String(d)}`);
        } else out.push(...validateAgainstSchema(value, dep, root, field, depth + 1));
      }
    }
  }

  if (Array.isArray(value) || value instanceof RegoSet) {
    const items = Array.isArray(value) ? (value as readonly RegoValue[]) : value.sorted();
    const itemSchema = schema.get('items');
    if (Array.isArray(itemSchema)) {
      const tuple = itemSchema as readonly RegoValue[];
      items.forEach((item, i) => {
        if (i < tuple.length) out.push(...validateAgainstSchema(item, tuple[i]!, root, childPath(field, i), depth + 1));
        else {
          const extra = schema.get('additionalItems');
          if (extra === false) add('array_no_additional_items', 'No additional items allowed on array');
          else if (extra !== undefined) out.push(...validateAgainstSchema(item, extra, root, childPath(field, i), depth + 1));
        }
      });
    } else if (itemSchema !== undefined) {
      items.forEach((item, i) => out.push(...validateAgainstSchema(item, itemSchema, root, childPath(field, i), depth + 1)));
    }
    const minItems = schema.get('minItems');
    if (isNumber(minItems) && items.length < Number(minItems)) add('array_min_items', `Array must have at least ${numberText(minItems)} items`);
    const maxItems = schema.get('maxItems');
    if (isNumber(maxItems) && items.length > Number(maxItems)) add('array_max_items', `Array must have at most ${numberText(maxItems)} items`);
    if (schema.get('uniqueItems') === true) {
      outer: for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          if (compare(items[i]!, items[j]!) === 0) {
            add('unique', `array items[${i},${j}] must be unique`);
            break outer;
          }
        }
      }
    }
    const contains = schema.get('contains');
    if (contains !== undefined && !items.some((item) => validateAgainstSchema(item, contains, root, field, depth + 1).length === 0)) {
      add('contains', 'At least one of the items must match');
    }
  }

  if (typeof value === 'string') {
    const length = [...value].length;
    const minLength = schema.get('minLength');
    if (isNumber(minLength) && length < Number(minLength)) add('string_gte', `String length must be greater than or equal to ${numberText(minLength)}`);
    const maxLength = schema.get('maxLength');
    if (isNumber(maxLength) && length > Number(maxLength)) add('string_lte', `String length must be less than or equal to ${numberText(maxLength)}`);
    const pattern = schema.get('pattern');
    if (typeof pattern === 'string' && !RE2JS.compile(pattern).test(value)) add('pattern', `Does not match pattern '${pattern}'`);
    const format = schema.get('format');
    if (typeof format === 'string' && FORMATS[format] && !FORMATS[format](value)) add('format', `Does not match format '${format}'`);
  }

  if (isNumber(value)) {
    const n = Number(value);
    const check = (key: string, ok: (limit: number) => boolean, type: string, text: string): void => {
      const limit = schema.get(key);
      if (isNumber(limit) && !ok(Number(limit))) add(type, `${text} ${numberText(limit)}`);
    };
    const exclusiveMin = schema.get('exclusiveMinimum');
    const exclusiveMax = schema.get('exclusiveMaximum');
    if (exclusiveMin === true) check('minimum', (l) => n > l, 'number_gt', 'Must be greater than');
    else check('minimum', (l) => n >= l, 'number_gte', 'Must be greater than or equal to');
    if (exclusiveMax === true) check('maximum', (l) => n < l, 'number_lt', 'Must be less than');
    else check('maximum', (l) => n <= l, 'number_lte', 'Must be less than or equal to');
    if (isNumber(exclusiveMin)) check('exclusiveMinimum', (l) => n > l, 'number_gt', 'Must be greater than');
    if (isNumber(exclusiveMax)) check('exclusiveMaximum', (l) => n < l, 'number_lt', 'Must be less than');
    const multipleOf = schema.get('multipleOf');
    if (isNumber(multipleOf) && Number(multipleOf) !== 0) {
      const q = n / Number(multipleOf);
      if (Math.abs(q - Math.round(q)) > 1e-9) add('multiple_of', `Must be a multiple of ${numberText(multipleOf)}`);
    }
  }

  const allOf = schema.get('allOf');
  if (Array.isArray(allOf)) {
    const failures = (allOf as readonly RegoValue[]).flatMap((s) => validateAgainstSchema(value, s, root, field, depth + 1));
    if (failures.length) {
      out.push(...failures);
      add('number_all_of', 'Must validate all the schemas (allOf)');
    }
  }
  const anyOf = schema.get('anyOf');
  if (Array.isArray(anyOf) && !(anyOf as readonly RegoValue[]).some((s) => validateAgainstSchema(value, s, root, field, depth + 1).length === 0)) {
    add('number_any_of', 'Must validate at least one schema (anyOf)');
  }
  const oneOf = schema.get('oneOf');
  if (Array.isArray(oneOf)) {
    const passing = (oneOf as readonly RegoValue[]).filter((s) => validateAgainstSchema(value, s, root, field, depth + 1).length === 0).length;
    if (passing !== 1) add('number_one_of', 'Must validate one and only one schema (oneOf)');
  }
  const not = schema.get('not');
  if (not !== undefined && validateAgainstSchema(value, not, root, field, depth + 1).length === 0) add('number_not', 'Must not validate the schema (not)');
  const condition = schema.get('if');
  if (condition !== undefined) {
    const ok = validateAgainstSchema(value, condition, root, field, depth + 1).length === 0;
    const branch = schema.get(ok ? 'then' : 'else');
    if (branch !== undefined && validateAgainstSchema(value, branch, root, field, depth + 1).length) {
      add(ok ? 'condition_then' : 'condition_else', ok ? 'Must validate "then" as "if" was valid' : 'Must validate "else" as "if" was not valid');
    }
  }
  return out;
}
