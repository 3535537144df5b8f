import { describe, expect, it } from 'vitest';
import { FUNCTIONS, SPECIAL_FUNCTIONS } from './index.ts';
import { FUNCTION_SIGNATURES, IMPLEMENTED_FUNCTIONS, NOT_IMPLEMENTED } from './signatures.ts';

describe('function registry', () => {
  it('implements exactly the functions the signature table marks as implemented', () => {
    const implemented = new Set([...FUNCTIONS.keys(), ...SPECIAL_FUNCTIONS]);
    expect([...implemented].sort()).toEqual([...IMPLEMENTED_FUNCTIONS].sort());
    for (const sig of FUNCTION_SIGNATURES.values()) expect(sig.implemented).toBe(implemented.has(sig.name));
  });

  it('has a signature for every implementation', () => {
    for (const name of FUNCTIONS.keys()) expect(FUNCTION_SIGNATURES.has(name)).toBe(true);
  });

  it('leaves only functions whose output cannot be reproduced unimplemented', () => {
    expect([...NOT_IMPLEMENTED]).toEqual(['base64gzip']);
    expect(FUNCTIONS.size + SPECIAL_FUNCTIONS.size).toBe(FUNCTION_SIGNATURES.size - NOT_IMPLEMENTED.size);
  });

  it('declares per-parameter options only for parameters that exist', () => {
    for (const fn of FUNCTIONS.values()) {
      const sig = FUNCTION_SIGNATURES.get(fn.name)!;
      expect((fn.params ?? []).length).toBeLessThanOrEqual(sig.params.length);
      if (fn.variadic) expect(sig.variadic).toBeDefined();
    }
  });
});
