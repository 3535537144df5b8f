import { ctyTypeName } from '../schema/cty-type.ts';
import type { CtyType, SchemaAttribute, SchemaNestedType } from '../schema/provider-schema.ts';
import type { StaticValue } from './static-value.ts';

/** cty's number syntax for string -> number conversion. */
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Why a statically known value cannot convert to `want`, in cty's words, or undefined when it can (or we
 * cannot tell). Type-level mismatches (no conversion exists) use cty's `MismatchMessage` with its path
 * prefixes (`element 1: string required`, `attributes "a" and "b" are required`); value-level failures of
 * an existing conversion (`"abc"` to number) give the bare message, as `err.Error()` of a cty PathError does.
 */
export function conversionError(value: StaticValue, want: CtyType): string | undefined {
  return typeMismatch(value, want) ?? valueError(value, want);
}

/**
 * The same, with value-level failures prefixed by their cty path (`["a"]: a number is required`,
 * `[0]: ...`, `.name: ...`), as Terraform formats conversion errors of variable values and defaults.
 */
export function conversionErrorWithPath(value: StaticValue, want: CtyType): string | undefined {
  const mismatch = typeMismatch(value, want);
  if (mismatch) return mismatch;
  const found = valueErrorPath(value, want, '');
  return found ? (found.path ? `${found.path}: ${found.message}` : found.message) : undefined;
}

function valueErrorPath(value: StaticValue, want: CtyType, path: string): { path: string; message: string } | undefined {
  if (typeof want === 'string') {
    const message = valueError(value, want);
    return message ? { path, message } : undefined;
  }
  switch (want[0]) {
    case 'list':
    case 'set':
      if (value.kind !== 'tuple') return undefined;
      for (const [index, item] of value.items.entries()) {
        const found = valueErrorPath(item, want[1], want[0] === 'set' ? path : `${path}[${index}]`);
        if (found) return found;
      }
      return undefined;
    case 'map':
      if (value.kind !== 'object') return undefined;
      for (const { key, value: item } of value.entries) {
        const found = valueErrorPath(item, want[1], `${path}[${JSON.stringify(key)}]`);
        if (found) return found;
      }
      return undefined;
    case 'object':
      if (value.kind !== 'object') return undefined;
      for (const { key, value: item } of value.entries) {
        const type = Object.hasOwn(want[1], key) ? want[1][key] : undefined;
        const found = type ? valueErrorPath(item, type, `${path}.${key}`) : undefined;
        if (found) return found;
      }
      return undefined;
    case 'tuple':
      return undefined;
  }
}

function typeMismatch(value: StaticValue, want: CtyType): string | undefined {
  if (want === 'dynamic' || value.kind === 'unknown' || value.kind === 'null') return undefined;
  if (typeof want === 'string') {
    if (value.kind === 'tuple' || value.kind === 'object') return `${want} required`;
    if (want === 'string' || value.kind === want || value.kind === 'string') return undefined;
    return `${want} required`;
  }
  switch (want[0]) {
    case 'list':
    case 'set': {
      if (value.kind !== 'tuple') return `${ctyTypeName(want)} required`;
      for (const [index, item] of value.items.entries()) {
        const error = typeMismatch(item, want[1]);
        if (error) return `element ${index}: ${error}`;
      }
      return undefined;
    }
    case 'map': {
      if (value.kind !== 'object') return `${ctyTypeName(want)} required`;
      for (const { key, value: item } of value.entries) {
        const error = typeMismatch(item, want[1]);
        if (error) return `element ${JSON.stringify(key)}: ${error}`;
      }
      return undefined;
    }
    case 'object': {
      if (value.kind !== 'object') return 'object required';
      const attributes = want[1];
      const optional = new Set(want.length > 2 ? (want[2] as string[]) : []);
      const present = new Map(value.entries.map((entry) => [entry.key, entry.value]));
      const missing = Object.keys(attributes)
        .filter((name) => !present.has(name) && !optional.has(name))
        .sort();
      if (missing.length === 1) return `attribute ${JSON.stringify(missing[0])} is required`;
      if (missing.length === 2) return `attributes ${JSON.stringify(missing[0])} and ${JSON.stringify(missing[1])} are required`;
      if (missing.length > 2) {
        const quoted = missing.map((name) => JSON.stringify(name));
        return `attributes ${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]} are required`;
      }
      for (const [name, type] of Object.entries(attributes)) {
        const item = present.get(name);
        const error = item ? typeMismatch(item, type) : undefined;
        if (error) return `attribute ${JSON.stringify(name)}: ${error}`;
      }
      return undefined;
    }
    case 'tuple':
      return value.kind === 'tuple' ? undefined : 'tuple required';
  }
}

function valueError(value: StaticValue, want: CtyType): string | undefined {
  if (want === 'dynamic') return undefined;
  if (typeof want === 'string') {
    if (value.kind !== 'string' || value.value === undefined) return undefined;
    const text = value.value;
    if (want === 'number') return NUMBER_TEXT.test(text) ? undefined : 'a number is required';
    if (want === 'bool') {
      if (text === 'true' || text === 'false' || text === '1' || text === '0') return undefined;
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return `a bool is required; to convert from string, use lowercase "${lower}"`;
      return 'a bool is required';
    }
    return undefined;
  }
  switch (want[0]) {
    case 'list':
    case 'set':
      if (value.kind !== 'tuple') return undefined;
      for (const item of value.items) {
        const error = valueError(item, want[1]);
        if (error) return error;
      }
      return undefined;
    case 'map':
      if (value.kind !== 'object') return undefined;
      for (const { value: item } of value.entries) {
        const error = valueError(item, want[1]);
        if (error) return error;
      }
      return undefined;
    case 'object': {
      if (value.kind !== 'object') return undefined;
      for (const { key, value: item } of value.entries) {
        const type = Object.hasOwn(want[1], key) ? want[1][key] : undefined;
        const error = type ? valueError(item, type) : undefined;
        if (error) return error;
      }
      return undefined;
    }
    case 'tuple':
      return undefined;
  }
}

/** The cty type an attribute's value must convert to (nested attribute types become object types). */
export function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.type !== undefined) return attribute.type;
  if (attribute.nested_type) return nestedTypeToCty(attribute.nested_type);
  return 'dynamic';
}

function nestedTypeToCty(nested: SchemaNestedType): CtyType {
  const attributes: Record<string, CtyType> = {};
  const optional: string[] = [];
  for (const [name, attribute] of Object.entries(nested.attributes)) {
    attributes[name] = attributeType(attribute);
    if (!attribute.required) optional.push(name);
  }
  const object: CtyType = ['object', attributes, optional];
  switch (nested.nesting_mode) {
    case 'single':
      return object;
    case 'list':
      return ['list', object];
    case 'set':
      return ['set', object];
    case 'map':
      return ['map', object];
  }
}

/**
 * Terraform's `blocktoattr` fix-up: an attribute whose type is a list or set of objects may also be written
 * as blocks; the synthesized block schema has every object attribute optional. Returns that element object
 * type, or undefined.
 */
export function blockLikeAttributeElement(attribute: SchemaAttribute): Record<string, CtyType> | undefined {
  const type = attribute.type;
  if (!Array.isArray(type) || (type[0] !== 'list' && type[0] !== 'set')) return undefined;
  const element = type[1] as CtyType;
  if (!Array.isArray(element) || element[0] !== 'object') return undefined;
  return element[1] as Record<string, CtyType>;
}
