/** OPA category `array`: array.concat, array.slice, array.reverse, array.flatten. */
import { defineCategory } from './builtin.ts';
import { arrayOperand, numberOperand } from './operands.ts';
import type { RegoValue } from '../value.ts';

const builtin = defineCategory('array');

/** Flattens one level of nesting. */
function flatten(items: readonly RegoValue[]): RegoValue[] {
  const out: RegoValue[] = [];
  for (const x of items) {
    if (Array.isArray(x)) for (const item of x as readonly RegoValue[]) out.push(item);
    else out.push(x);
  }
  return out;
}

export const arrayBuiltins = [
  builtin('array.concat', ([a, b]) => [...arrayOperand(a, 1), ...arrayOperand(b, 2)]),
  builtin('array.slice', ([a, s, e]) => {
    const items = arrayOperand(a, 1);
    numberOperand(s, 2);
    numberOperand(e, 3);
    let start = Math.floor(Number(s));
    let stop = Math.floor(Number(e));
    if (start < 0) start = 0;
    if (stop > items.length) stop = items.length;
    if (start > stop) return [];
    return items.slice(start, stop);
  }),
  builtin('array.reverse', ([a]) => [...arrayOperand(a, 1)].reverse()),
  builtin('array.flatten', ([a]) => flatten(arrayOperand(a, 1))),
];

