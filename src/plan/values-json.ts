import { Sensitive, Unknown, sortedKeys, type TfObject, type TfValue } from '../terraform/eval/value.ts';
import type { JsonObject, JsonValue } from './plan-json.ts';

/**
 * Terraform's plan JSON encodings of a value that may contain unknowns and sensitive marks
 * (internal/command/jsonplan): `after` omits unknowns (nulls inside sequences), `after_unknown` marks
 * them `true`, `after_sensitive` marks sensitive parts `true`. Object keys are sorted as cty does.
 */

function unmark(v: TfValue): TfValue {
  return v instanceof Sensitive ? unmark(v.value) : v;
}

/** `omitUnknowns`: unknown object attributes dropped, unknown sequence elements become null. */
export function knownJson(value: TfValue): JsonValue | undefined {
  const v = unmark(value);
  if (v instanceof Unknown) return undefined;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((item) => knownJson(item) ?? null);
  const obj = v as TfObject;
  const out: JsonObject = {};
  for (const key of sortedKeys(obj)) {
    const x = obj[key]!;
    // Most members are null or primitives: written as they are, without a call.
    if (x === null || (typeof x !== 'object' && x !== undefined)) {
      out[key] = x;
      continue;
    }
    const item = knownJson(x);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/** `unknownAsBool`: unknown -> true; known sequences -> element-wise; objects keep only non-false entries. */
export function unknownJson(value: TfValue): JsonValue {
  const v = unmark(value);
  if (v instanceof Unknown) return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.map(unknownJson);
  const obj = v as TfObject;
  const out: JsonObject = {};
  for (const key of sortedKeys(obj)) {
    const x = obj[key]!;
    if (x === null || typeof x !== 'object') continue; // known: false, left out
    const item = unknownJson(x);
    if (item !== false) out[key] = item;
  }
  return out;
}

/**
 * `SensitiveAsBool`: sensitive -> true; null/primitive -> false; unknown sequences -> [], unknown
 * maps/objects -> {}; known sequences element-wise; objects keep only non-false entries.
 * `shape` tells whether an unknown value is a sequence or a map/object ('list' | 'object').
 */
export function sensitiveJson(value: TfValue, shape?: ShapeHint): JsonValue {
  if (value instanceof Sensitive) return true;
  if (value instanceof Unknown) {
    const kind = shape?.kind ?? unknownKind(value);
    return kind === 'list' ? [] : kind === 'object' ? {} : false;
  }
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.map((item) => sensitiveJson(item, shape?.element));
  const out: JsonObject = {};
  for (const key of sortedKeys(value)) {
    const x = value[key]!;
    if (x === null || typeof x !== 'object') continue; // not sensitive: false, left out
    const item = sensitiveJson(x, shape?.attributes?.[key] ?? shape?.element);
    if (item !== false) out[key] = item;
  }
  return out;
}

/** The collection shape of a schema type, for encoding unknown values in `after_sensitive`. */
export interface ShapeHint {
  kind: 'list' | 'object' | 'primitive';
  element?: ShapeHint;
  attributes?: Record<string, ShapeHint>;
}

function unknownKind(v: Unknown): ShapeHint['kind'] {
  switch (v.type.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      return 'list';
    case 'map':
    case 'object':
      return 'object';
    default:
      return 'primitive';
  }
}

/** `values` of planned_values / `after`: an object with unknown attributes omitted. */
export function knownObjectJson(value: TfObject): JsonObject {
  return (knownJson(value) ?? {}) as JsonObject;
}
