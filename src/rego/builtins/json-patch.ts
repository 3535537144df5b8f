/**
 * json.patch: RFC 6902 JSON Patch over Rego values (objects, arrays and sets), with OPA's conventions: paths may be
 * JSON-pointer strings (leading `/` optional) or arrays of segments; a set element is addressed by its value; any
 * failure makes the call undefined (OPA returns no result rather than an error).
 */
import { parsePath } from './json-paths.ts';
import { equals, RegoObject, RegoSet, type RegoValue } from '../value.ts';

class PatchFailure extends Error {}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function arrayIndex(segment: RegoValue, length: number, forInsert: boolean): number {
  if (forInsert && segment === '-') return length;
  let n: number;
  if (typeof segment === 'string') {
    if (!/^(0|[1-9][0-9]*)$/.test(segment)) throw new PatchFailure('bad array index');
    n = Number(segment);
  } else if (typeof segment === 'number' && Number.isInteger(segment)) n = segment;
  else throw new PatchFailure('bad array index');
  if (n < 0 || n > (forInsert ? length : length - 1)) throw new PatchFailure('array index out of range');
  return n;
}

function child(node: RegoValue, segment: RegoValue): RegoValue {
  if (node instanceof RegoObject) {
    const v = node.get(segment);
    if (v === undefined) throw new PatchFailure('missing key');
    return v;
  }
  if (Array.isArray(node)) return (node as readonly RegoValue[])[arrayIndex(segment, node.length, false)]!;
  if (node instanceof RegoSet) {
    if (!node.has(segment)) throw new PatchFailure('missing set element');
    return segment;
  }
  throw new PatchFailure('path into a scalar');
}

function getAt(doc: RegoValue, path: readonly RegoValue[]): RegoValue {
  let node = doc;
  for (const segment of path) node = child(node, segment);
  return node;
}

/** Returns doc with `update(parent, lastSegment)` applied at the parent of path. */
function updateAt(doc: RegoValue, path: readonly RegoValue[], leaf: (parent: RegoValue, segment: RegoValue) => RegoValue): RegoValue {
  if (path.length === 1) return leaf(doc, path[0]!);
  const [head, ...rest] = path;
  const sub = child(doc, head!);
  const updated = updateAt(sub, rest, leaf);
  if (doc instanceof RegoObject) return new RegoObject([...doc.entries()]).set(head!, updated);
  if (Array.isArray(doc)) {
    const copy = [...(doc as readonly RegoValue[])];
    copy[arrayIndex(head!, copy.length, false)] = updated;
    return copy;
  }
  const set = new RegoSet([...(doc as RegoSet)].filter((e) => !equals(e, head!)));
  return set.add(updated);
}

function add(doc: RegoValue, path: readonly RegoValue[], value: RegoValue): RegoValue {
  if (path.length === 0) return value;
  return updateAt(doc, path, (parent, segment) => {
    if (parent instanceof RegoObject) return new RegoObject([...parent.entries()]).set(segment, value);
    if (Array.isArray(parent)) {
      const copy = [...(parent as readonly RegoValue[])];
      copy.splice(arrayIndex(segment, copy.length, true), 0, value);
      return copy;
    }
    if (parent instanceof RegoSet) {
      if (!equals(segment, value)) throw new PatchFailure('set key and value differ');
      return new RegoSet([...parent, value]);
    }
    throw new PatchFailure('add into a scalar');
  });
}

function remove(doc: RegoValue, path: readonly RegoValue[]): RegoValue {
  if (path.length === 0) throw new PatchFailure('cannot remove the root');
  return updateAt(doc, path, (parent, segment) => {
    if (parent instanceof RegoObject) {
      if (!parent.has(segment)) throw new PatchFailure('missing key');
      return new RegoObject([...parent.entries()]).delete(segment);
    }
    if (Array.isArray(parent)) {
      const copy = [...(parent as readonly RegoValue[])];
      copy.splice(arrayIndex(segment, copy.length, false), 1);
      return copy;
    }
    if (parent instanceof RegoSet) {
      if (!parent.has(segment)) throw new PatchFailure('missing set element');
      return new RegoSet([...parent].filter((e) => !equals(e, segment)));
    }
    throw new PatchFailure('remove from a scalar');
  });
}

function attribute(op: RegoObject, name: string): RegoValue {
  const v = op.get(name);
  if (v === undefined) throw new PatchFailure(`missing '${name}' attribute`);
  return v;
}

function pathAttribute(op: RegoObject, name: string): RegoValue[] {
  const raw = attribute(op, name);
  if (typeof raw !== 'string' && !Array.isArray(raw)) throw new PatchFailure(`bad '${name}'`);
  return parsePath(raw);
}

/** Applies the operations; undefined when any operation fails. */
export function applyJsonPatch(doc: RegoValue, operations: readonly RegoValue[]): RegoValue | undefined {
  try {
    let current = doc;
    for (const raw of operations) {
      if (!(raw instanceof RegoObject)) return undefined;
      const op = attribute(raw, 'op');
      if (typeof op !== 'string' || !OPS.has(op)) return undefined;
      const path = pathAttribute(raw, 'path');
      switch (op) {
        case 'add':
          current = add(current, path, attribute(raw, 'value'));
          break;
        case 'remove':
          current = remove(current, path);
          break;
        case 'replace': {
          const value = attribute(raw, 'value');
          current = path.length === 0 ? value : add(remove(current, path), path, value);
          break;
        }
        case 'move': {
          const from = pathAttribute(raw, 'from');
          const value = getAt(current, from);
          current = add(remove(current, from), path, value);
          break;
        }
        case 'copy': {
          const from = pathAttribute(raw, 'from');
          current = add(current, path, getAt(current, from));
          break;
        }
        case 'test':
          if (!equals(getAt(current, path), attribute(raw, 'value'))) return undefined;
          break;
      }
    }
    return current;
  } catch (error) {
    if (error instanceof PatchFailure || error instanceof Error) return undefined;
    throw error;
  }
}
