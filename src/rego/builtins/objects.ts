/** OPA category `object`: object.get/keys/remove/filter/union/union_n/subset and json.filter/json.remove/json.patch. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { applyJsonPatch } from './json-patch.ts';
import { filterValue, pathsOperand, pathsToObject, removeValue } from './json-paths.ts';
import { arrayOperand, elementError, objectOperand, typeError } from './operands.ts';
import { compare, equals, mergeObjects, RegoObject, RegoSet, type RegoValue } from '../value.ts';

const builtin = defineCategory('object');

/** Keys named by an array, set or object (the object's keys). */
function keysOperand(v: RegoValue | undefined): RegoSet {
  if (Array.isArray(v)) return new RegoSet(v as readonly RegoValue[]);
  if (v instanceof RegoSet) return v;
  if (v instanceof RegoObject) return new RegoSet(v.keys());
  throw typeError(2, v ?? null, 'object', 'set', 'array');
}

/** Walks `path` through objects (by key), arrays (by integer index) and sets (by member). */
function find(value: RegoValue, path: readonly RegoValue[]): RegoValue | undefined {
  let node: RegoValue = value;
  for (const segment of path) {
    if (node instanceof RegoObject) {
      const next = node.get(segment);
      if (next === undefined) return undefined;
      node = next;
    } else if (Array.isArray(node)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= node.length) return undefined;
      node = (node as readonly RegoValue[])[segment]!;
    } else if (node instanceof RegoSet) {
      if (!node.has(segment)) return undefined;
      node = segment;
    } else return undefined;
  }
  return node;
}

function isObjectSubset(sup: RegoObject, sub: RegoObject): boolean {
  for (const [k, subValue] of sub) {
    const supValue = sup.get(k);
    if (supValue === undefined) return false;
    if (equals(subValue, supValue)) continue;
    if (supValue instanceof RegoObject && subValue instanceof RegoObject) {
      if (!isObjectSubset(supValue, subValue)) return false;
    } else if (supValue instanceof RegoSet && subValue instanceof RegoSet) {
      if (![...subValue].every((e) => supValue.has(e))) return false;
    } else if (Array.isArray(supValue) && Array.isArray(subValue)) {
      if (!isArraySubsequence(supValue, subValue)) return false;
    } else return false;
  }
  return true;
}

/** The whole `sub` array appears contiguously in `sup`. */
function isArraySubsequence(sup: readonly RegoValue[], sub: readonly RegoValue[]): boolean {
  if (sub.length > sup.length) return false;
  outer: for (let start = 0; start + sub.length <= sup.length; start++) {
    for (let i = 0; i < sub.length; i++) if (compare(sup[start + i]!, sub[i]!) !== 0) continue outer;
    return true;
  }
  return false;
}

export const objectBuiltins = [
  builtin('object.get', ([o, key, fallback]) => {
    const obj = objectOperand(o, 1);
    if (!Array.isArray(key)) return obj.get(key!) ?? fallback;
    if (key.length === 0) return obj;
    return find(obj, key as readonly RegoValue[]) ?? fallback;
  }),
  builtin('object.keys', ([o]) => new RegoSet(objectOperand(o, 1).keys())),
  builtin(
    'object.remove',
    ([o, k]) => {
      const obj = objectOperand(o, 1);
      const keys = keysOperand(k);
      return new RegoObject([...obj].filter(([key]) => !keys.has(key)));
    },
    { checkOperands: false },
  ),
  builtin(
    'object.filter',
    ([o, k]) => {
      const obj = objectOperand(o, 1);
      const keys = keysOperand(k);
      return new RegoObject([...obj].filter(([key]) => keys.has(key)));
    },
    { checkOperands: false },
  ),
  builtin('object.union', ([a, b]) => {
    const x = objectOperand(a, 1);
    const y = objectOperand(b, 2);
    return equals(x, y) ? x : mergeObjects(x, y);
  }),
  builtin('object.union_n', ([a]) => {
    const items = arrayOperand(a, 1);
    let out = new RegoObject();
    for (const item of items) {
      if (!(item instanceof RegoObject)) throw elementError(1, items, item, 'object');
      out = mergeObjects(out, item);
    }
    return out;
  }),
  builtin(
    'object.subset',
    ([sup, sub]) => {
      if (sup instanceof RegoObject && sub instanceof RegoObject) return isObjectSubset(sup, sub);
      if (sup instanceof RegoSet && sub instanceof RegoSet) return [...sub].every((e) => sup.has(e));
      if (Array.isArray(sup) && Array.isArray(sub)) return isArraySubsequence(sup, sub);
      if (Array.isArray(sup) && sub instanceof RegoSet) {
        const members = new RegoSet(sup as readonly RegoValue[]);
        return sup.length > 0 && [...sub].every((e) => members.has(e));
      }
      throw new BuiltinError('both arguments object.subset must be of the same type or array and set', 'eval_type_error');
    },
    { checkOperands: false },
  ),
  builtin(
    'json.filter',
    ([o, paths]) => filterValue(objectOperand(o, 1), pathsToObject(pathsOperand(paths))),
    { checkOperands: false },
  ),
  builtin(
    'json.remove',
    ([o, paths]) => {
      const obj = objectOperand(o, 1);
      return removeValue(obj, pathsToObject(pathsOperand(paths)));
    },
    { checkOperands: false },
  ),
  builtin('json.patch', ([doc, ops]) => applyJsonPatch(doc!, arrayOperand(ops, 2)), { checkOperands: false }),
];
