import { describe, expect, it } from 'vitest';
import { collectGarbage, heapInUse } from './collect-garbage.ts';

describe('collectGarbage', () => {
  it('collects when the heap in use is above the bound, counted from nothing by default', () => {
    expect(collectGarbage(0)).toBe(true);
    expect(collectGarbage(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('counts only the growth since `since`: a large heap that did not grow is not collected again', () => {
    const start = heapInUse();
    expect(collectGarbage(16 * 1024 * 1024, start)).toBe(false);
    const held = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `item ${i}` }));
    expect(collectGarbage(16 * 1024 * 1024, start)).toBe(true);
    expect(held.length).toBe(400_000);
  });
});
