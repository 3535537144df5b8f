/** OPA category `aggregates` (and the deprecated `all`/`any`): count, sum, product, max, min, sort. */
import { defineCategory } from './builtin.ts';
import { addNumbers, multiplyNumbers } from './numeric.ts';
import { collectionElements, elementError, typeError } from './operands.ts';
import { compare, isNumber, RegoObject, RegoSet, type RegoNumber, type RegoValue } from '../value.ts';

const builtin = defineCategory('aggregates');

function numbers(v: RegoValue | undefined): RegoNumber[] {
  const items = collectionElements(v, 1, 'set', 'array');
  return items.map((x) => {
    if (!isNumber(x)) throw elementError(1, v!, x, 'number');
    return x;
  });
}

export const aggregateBuiltins = [
  builtin('count', ([v]) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (v instanceof RegoSet || v instanceof RegoObject) return v.size;
    throw typeError(1, v ?? null, 'array', 'object', 'set', 'string');
  }),
  builtin('sum', ([v]) => numbers(v).reduce<RegoNumber>((acc, n) => addNumbers(acc, n), 0)),
  builtin('product', ([v]) => numbers(v).reduce<RegoNumber>((acc, n) => multiplyNumbers(acc, n), 1)),
  builtin('max', ([v]) => {
    const items = collectionElements(v, 1, 'set', 'array');
    if (items.length === 0) return undefined;
    return items.reduce((a, b) => (compare(b, a) > 0 ? b : a));
  }),
  builtin('min', ([v]) => {
    const items = collectionElements(v, 1, 'set', 'array');
    if (items.length === 0) return undefined;
    return items.reduce((a, b) => (compare(b, a) < 0 ? b : a));
  }),
  builtin('sort', ([v]) => collectionElements(v, 1, 'set', 'array').sort(compare)),
  builtin('all', ([v]) => collectionElements(v, 1, 'array', 'set').every((x) => x === true)),
  builtin('any', ([v]) => collectionElements(v, 1, 'array', 'set').some((x) => x === true)),
];
