import { friendlyTypeName, T_DYNAMIC, type TfType, typeEquals } from './types.ts';
import {
  collectionInfo,
  formatNumber,
  isObject,
  makeList,
  makeMap,
  makeSet,
  parseNumber,
  Sensitive,
  sortedKeys,
  type TfObject,
  type TfValue,
  typeOf,
  unifyTypes,
  Unknown,
  unknownOf,
} from './value.ts';

export type ConvertResult = { ok: true; value: TfValue } | { ok: false; error: string };

const fail = (error: string): ConvertResult => ({ ok: false, error });
const ok = (value: TfValue): ConvertResult => ({ ok: true, value });

/**
 * Converts a value to a type with Terraform's (cty `convert`) rules: number/bool to string, numeric or
 * "true"/"false" strings to number/bool, tuples to lists/sets, objects to maps, element by element.
 * Error texts are cty's ("string required", "a number is required", `attribute "x" is required`),
 * prefixed with the path inside the value (`element 0: ...`, `attribute "a": ...`).
 */
export function convert(v: TfValue, target: TfType): ConvertResult {
  if (v instanceof Sensitive) {
    const inner = convert(v.value, target);
    return inner.ok ? ok(new Sensitive(inner.value)) : inner;
  }
  if (target.kind === 'dynamic') return ok(v);
  if (v === null) return ok(null);
  if (v instanceof Unknown) {
    if (v.type.kind === 'dynamic' || typeEquals(v.type, target)) return ok(unknownOf(target));
    // Type-check what we can: an unknown primitive converts to a primitive, collections to collections.
    return ok(unknownOf(target));
  }
  switch (target.kind) {
    case 'string':
      if (typeof v === 'string') return ok(v);
      if (typeof v === 'number') return ok(formatNumber(v));
      if (typeof v === 'boolean') return ok(v ? 'true' : 'false');
      return fail('string required');
    case 'number':
      if (typeof v === 'number') return ok(v);
      if (typeof v === 'string') {
        const n = parseNumber(v);
        return n === undefined ? fail('a number is required') : ok(n);
      }
      return fail('number required');
    case 'bool':
      if (typeof v === 'boolean') return ok(v);
      if (typeof v === 'string') {
        if (v === 'true') return ok(true);
        if (v === 'false') return ok(false);
        return fail('a bool is required');
      }
      return fail('bool required');
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return fail(`${friendlyTypeName(target)} required`);
      let element = target.element;
      if (element.kind === 'dynamic') {
        const u = unifyTypes(v.map(typeOf));
        if (!u) return fail(`all ${target.kind} elements must have the same type`);
        element = u;
      }
      const out: TfValue[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = convert(v[i]!, element);
        if (!r.ok) return fail(`element ${i}: ${r.error}`);
        out.push(r.value);
      }
      return ok(target.kind === 'list' ? makeList(out, element) : makeSet(out, element));
    }
    case 'map': {
      if (!isObject(v)) return fail(`${friendlyTypeName(target)} required`);
      let element = target.element;
      const keys = sortedKeys(v);
      if (element.kind === 'dynamic') {
        const u = unifyTypes(keys.map((k) => typeOf(v[k]!)));
        if (!u) return fail('all map elements must have the same type');
        element = u;
      }
      const out: TfObject = {};
      for (const k of keys) {
        const r = convert(v[k]!, element);
        if (!r.ok) return fail(`element ${JSON.stringify(k)}: ${r.error}`);
        out[k] = r.value;
      }
      return ok(makeMap(out, element));
    }
    case 'tuple': {
      if (!Array.isArray(v) || (collectionInfo(v)?.kind === 'set' && target.elements.length !== v.length))
        return fail('tuple required');
      if (v.length !== target.elements.length)
        return fail(`tuple required with ${target.elements.length} element${target.elements.length === 1 ? '' : 's'}`);
      const out: TfValue[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = convert(v[i]!, target.elements[i]!);
        if (!r.ok) return fail(`element ${i}: ${r.error}`);
        out.push(r.value);
      }
      return ok(out);
    }
    case 'object': {
      if (!isObject(v)) return fail('object required');
      const out: TfObject = {};
      for (const k of Object.keys(target.attributes).sort()) {
        if (!(k in v)) {
          if (target.optional?.has(k)) {
            out[k] = null;
            continue;
          }
          return fail(`attribute ${JSON.stringify(k)} is required`);
        }
        const r = convert(v[k]!, target.attributes[k]!);
        if (!r.ok) return fail(`attribute ${JSON.stringify(k)}: ${r.error}`);
        out[k] = r.value;
      }
      return ok(out);
    }
  }
}

/** Converts several values to their unified type (for conditionals and collection functions). */
export function unifyValues(values: TfValue[]): { ok: true; values: TfValue[]; type: TfType } | { ok: false } {
  const type = unifyTypes(values.map(typeOf));
  if (!type) return { ok: false };
  if (type.kind === 'dynamic') return { ok: true, values, type: T_DYNAMIC };
  const out: TfValue[] = [];
  for (const v of values) {
    const r = convert(v, type);
    if (!r.ok) return { ok: false };
    out.push(r.value);
  }
  return { ok: true, values: out, type };
}
