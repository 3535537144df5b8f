// Vitest setup (vitest.config.ts `setupFiles`): the model's ranges compute their positions in getters
// (`IndexRange`, src/hcl/position-map.ts), which `toEqual` and the diff printer do not see, since they compare and
// print own properties. A range is its filename, start and end, whatever object holds them: compare and print
// every range in that plain shape.
import { expect } from 'vitest';
import { IndexRange, plainRange } from '../../src/hcl/position-map.ts';

// The diff printer of a failed assertion copies objects of type "Object" (own fields only, then reads the copy's
// getters): a range's indexes are private fields, which a copy lacks. Named as a type of its own, a range is printed as
// it is, in the plain shape (the serializer below).
Object.defineProperty(IndexRange.prototype, Symbol.toStringTag, { value: 'SourceRange', configurable: true });

expect.addEqualityTesters([
  function sameRange(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof IndexRange) && !(b instanceof IndexRange)) return undefined;
    const plain = (v: unknown): unknown => (v instanceof IndexRange ? plainRange(v) : v);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);

expect.addSnapshotSerializer({
  test: (value: unknown) => value instanceof IndexRange,
  serialize: (value: IndexRange, config, indentation, depth, refs, printer) => printer(plainRange(value), config, indentation, depth, refs),
});
