/** Helpers shared by json.filter / json.remove / json.patch: JSON-pointer-ish paths and OPA's filter semantics. */
import { operandError, typeError } from './operands.ts';
import { RegoObject, RegoSet, type RegoValue } from '../value.ts';

/** A path operand: `"a/b/c"` (leading slashes trimmed, ~1 -> /, ~0 -> ~) or an array of segment values. */
export function parsePath(path: RegoValue): RegoValue[] {
  if (typeof path === 'string') {
    if (path === '') return [];
    return path
      .replace(/^\/+/, '')
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (Array.isArray(path)) return [...(path as readonly RegoValue[])];
  throw operandError(2, `must be one of {set, array} containing string paths or array of path segments but got ${typeNameOf(path)}`);
}

function typeNameOf(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return 'number';
  if (typeof v !== 'object') return typeof v;
  return Array.isArray(v) ? 'array' : v instanceof RegoSet ? 'set' : 'object';
}

export function pathsOperand(v: RegoValue | undefined): RegoValue[][] {
  if (Array.isArray(v)) return (v as readonly RegoValue[]).map(parsePath);
  if (v instanceof RegoSet) return v.sorted().map(parsePath);
  throw typeError(2, v ?? null, 'set', 'array');
}

/** Paths -> nested object whose leaves are null (OPA's pathsToObject). */
export function pathsToObject(paths: readonly RegoValue[][]): RegoObject {
  const root = new RegoObject();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let done = false;
    for (let i = 0; i < path.length - 1 && !done; i++) {
      const child = node.get(path[i]!);
      if (child === undefined) {
        const next = new RegoObject();
        node.set(path[i]!, next);
        node = next;
      } else if (child === null) done = true;
      else node = child as RegoObject;
    }
    if (!done) node.set(path[path.length - 1]!, null);
  }
  return root;
}

/** OPA's Object.Filter: keep only what the filter object names; null in the filter keeps the whole subtree. */
export function filterValue(value: RegoValue, filter: RegoValue): RegoValue {
  if (filter === null) return value;
  if (!(filter instanceof RegoObject)) return value;
  if (Array.isArray(value)) {
    const out: RegoValue[] = [];
    (value as readonly RegoValue[]).forEach((e, i) => {
      const sub = filter.get(String(i));
      if (sub !== undefined) out.push(filterValue(e, sub));
    });
    return out;
  }
  if (value instanceof RegoSet) {
    const out = new RegoSet();
    for (const e of value) {
      const sub = filter.get(e);
      if (sub !== undefined) out.add(filterValue(e, sub));
    }
    return out;
  }
  if (value instanceof RegoObject) {
    const out = new RegoObject();
    for (const [k, v] of value) {
      const sub = filter.get(k);
      if (sub !== undefined) out.set(k, filterValue(v, sub));
    }
    return out;
  }
  return value;
}

/** OPA's jsonRemove: drop the leaves named by `remove` (null leaves); arrays close up removed slots. */
export function removeValue(value: RegoValue, remove: RegoValue | undefined): RegoValue | undefined {
  if (remove === undefined) return value;
  if (remove === null) return undefined;
  if (!(remove instanceof RegoObject)) return value;
  if (Array.isArray(value)) {
    const out: RegoValue[] = [];
    (value as readonly RegoValue[]).forEach((e, i) => {
      const r = removeValue(e, remove.get(String(i)));
      if (r !== undefined) out.push(r);
    });
    return out;
  }
  if (value instanceof RegoSet) {
    const out = new RegoSet();
    for (const e of value) {
      const r = removeValue(e, remove.get(e));
      if (r !== undefined) out.add(r);
    }
    return out;
  }
  if (value instanceof RegoObject) {
    const out = new RegoObject();
    for (const [k, v] of value) {
      const r = removeValue(v, remove.get(k));
      if (r !== undefined) out.set(k, r);
    }
    return out;
  }
  return value;
}
