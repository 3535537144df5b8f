/** OPA's test-only builtin `test.sleep` (registered by OPA's topdown tests): blocks for a Go duration, capped. */
import { defineCategory } from './builtin.ts';
import { parseDuration } from './go-time.ts';
import { stringOperand } from './operands.ts';

const builtin = defineCategory('test');

/** Longest sleep honoured, so a policy cannot stall evaluation. */
const MAX_SLEEP_MS = 5_000;

export const testOnlyBuiltins = [
  builtin('test.sleep', ([d]) => {
    const ms = Math.min(MAX_SLEEP_MS, Math.max(0, Number(parseDuration(stringOperand(d, 1)) / 1_000_000n)));
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return null;
  }),
];
