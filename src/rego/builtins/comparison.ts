/** OPA category `comparison`: the ordering operators over any two values (OPA's total order). `equal` is the evaluator's. */
import { defineCategory } from './builtin.ts';
import { compare, equals } from '../value.ts';

const builtin = defineCategory('comparison');

export const comparisonBuiltins = [
  builtin('gt', ([a, b]) => compare(a!, b!) > 0),
  builtin('gte', ([a, b]) => compare(a!, b!) >= 0),
  builtin('lt', ([a, b]) => compare(a!, b!) < 0),
  builtin('lte', ([a, b]) => compare(a!, b!) <= 0),
  builtin('neq', ([a, b]) => !equals(a!, b!)),
];
