/** OPA category `sets`: and (&), or (|), intersection, union, and the deprecated set_diff. */
import { defineCategory } from './builtin.ts';
import { elementError, setOperand } from './operands.ts';
import { RegoSet, type RegoValue } from '../value.ts';

const builtin = defineCategory('sets');

function setOfSets(v: RegoValue | undefined): RegoSet[] {
  const outer = setOperand(v, 1);
  return [...outer].map((x) => {
    if (!(x instanceof RegoSet)) throw elementError(1, outer, x, 'set');
    return x;
  });
}

export const setBuiltins = [
  builtin('and', ([a, b]) => {
    const x = setOperand(a, 1);
    const y = setOperand(b, 2);
    return new RegoSet([...x].filter((e) => y.has(e)));
  }),
  builtin('or', ([a, b]) => new RegoSet([...setOperand(a, 1), ...setOperand(b, 2)])),
  builtin('set_diff', ([a, b]) => {
    const x = setOperand(a, 1);
    const y = setOperand(b, 2);
    return new RegoSet([...x].filter((e) => !y.has(e)));
  }),
  builtin('intersection', ([v]) => {
    const sets = setOfSets(v);
    if (sets.length === 0) return new RegoSet();
    const [first, ...rest] = sets;
    return new RegoSet([...first!].filter((e) => rest.every((s) => s.has(e))));
  }),
  builtin('union', ([v]) => {
    const out = new RegoSet();
    for (const s of setOfSets(v)) for (const e of s) out.add(e);
    return out;
  }),
];
