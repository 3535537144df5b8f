import type { TypeJson } from '../functions/signature-types.ts';

/**
 * Terraform (cty) types. `dynamic` is "any type": the type of `null` and of unknown values whose type is
 * not known yet, and the wildcard in type constraints.
 */
export type TfType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'bool' }
  | { kind: 'dynamic' }
  | { kind: 'list' | 'set' | 'map'; element: TfType }
  | { kind: 'tuple'; elements: TfType[] }
  | { kind: 'object'; attributes: Record<string, TfType>; optional?: ReadonlySet<string> };

export const T_STRING: TfType = { kind: 'string' };
export const T_NUMBER: TfType = { kind: 'number' };
export const T_BOOL: TfType = { kind: 'bool' };
export const T_DYNAMIC: TfType = { kind: 'dynamic' };

export const listOf = (element: TfType): TfType => ({ kind: 'list', element });
export const setOf = (element: TfType): TfType => ({ kind: 'set', element });
export const mapOf = (element: TfType): TfType => ({ kind: 'map', element });

export function isPrimitiveType(t: TfType): boolean {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
}

export function typeEquals(a: TfType, b: TfType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a.element, (b as typeof a).element);
    case 'tuple': {
      const be = (b as typeof a).elements;
      return a.elements.length === be.length && a.elements.every((t, i) => typeEquals(t, be[i]!));
    }
    case 'object': {
      const ba = (b as typeof a).attributes;
      const ak = Object.keys(a.attributes);
      if (ak.length !== Object.keys(ba).length) return false;
      return ak.every((k) => ba[k] !== undefined && typeEquals(a.attributes[k]!, ba[k]));
    }
    default:
      return true;
  }
}

/** Whether a type contains `dynamic` anywhere (then it is a constraint, not a concrete type). */
export function hasDynamic(t: TfType): boolean {
  switch (t.kind) {
    case 'dynamic':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasDynamic(t.element);
    case 'tuple':
      return t.elements.some(hasDynamic);
    case 'object':
      return Object.values(t.attributes).some(hasDynamic);
    default:
      return false;
  }
}

/** Terraform's friendly type name used in diagnostics: "string", "list of string", "object", "tuple". */
export function friendlyTypeName(t: TfType): string {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind} of ${friendlyTypeName(t.element)}`;
    case 'dynamic':
      return 'dynamic';
    default:
      return t.kind;
  }
}

/** Type expression syntax as written in Terraform (`list(string)`, `object({a=number})`). */
export function typeExprString(t: TfType): string {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind}(${typeExprString(t.element)})`;
    case 'tuple':
      return `tuple([${t.elements.map(typeExprString).join(', ')}])`;
    case 'object':
      return `object({${Object.keys(t.attributes)
        .sort()
        .map((k) => `${k}=${typeExprString(t.attributes[k]!)}`)
        .join(', ')}})`;
    case 'dynamic':
      return 'any';
    default:
      return t.kind;
  }
}

/** Converts a JSON type (`["list","string"]`, from schemas and function signatures) into a TfType. */
export function typeFromJson(j: TypeJson | unknown): TfType {
  if (j === 'string') return T_STRING;
  if (j === 'number') return T_NUMBER;
  if (j === 'bool') return T_BOOL;
  if (j === 'dynamic') return T_DYNAMIC;
  if (Array.isArray(j)) {
    // Schema and function signature types are read once and asked for per resource instance or call: the type of
    // one JSON array is made once (types are never changed once made, like the primitive constants above).
    let made = typesFromJson.get(j);
    if (!made) {
      made = typeFromJsonArray(j);
      typesFromJson.set(j, made);
    }
    return made;
  }
  return T_DYNAMIC;
}

const typesFromJson = new WeakMap<unknown[], TfType>();

function typeFromJsonArray(j: unknown[]): TfType {
  const [kind, arg] = j as [string, unknown];
  if (kind === 'list' || kind === 'set' || kind === 'map') return { kind, element: typeFromJson(arg) };
  if (kind === 'tuple' && Array.isArray(arg)) return { kind: 'tuple', elements: arg.map(typeFromJson) };
  if (kind === 'object' && arg && typeof arg === 'object') {
    const attributes: Record<string, TfType> = {};
    for (const [k, v] of Object.entries(arg as Record<string, unknown>)) attributes[k] = typeFromJson(v);
    const opt = j[2];
    return Array.isArray(opt) ? { kind: 'object', attributes, optional: new Set(opt as string[]) } : { kind: 'object', attributes };
  }
  return T_DYNAMIC;
}

/** The inverse of typeFromJson. */
export function typeToJson(t: TfType): unknown {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return [t.kind, typeToJson(t.element)];
    case 'tuple':
      return ['tuple', t.elements.map(typeToJson)];
    case 'object': {
      const attrs: Record<string, unknown> = {};
      for (const k of Object.keys(t.attributes).sort()) attrs[k] = typeToJson(t.attributes[k]!);
      return ['object', attrs];
    }
    default:
      return t.kind;
  }
}
