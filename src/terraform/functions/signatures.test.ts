import { describe, expect, it } from 'vitest';
import { arity, FUNCTION_SIGNATURES, lookupFunctionSignature, typeName } from './signatures.ts';

describe('FUNCTION_SIGNATURES', () => {
  it('lists every Terraform 1.11 built-in function with a category', () => {
    expect(FUNCTION_SIGNATURES.size).toBe(118);
    for (const sig of FUNCTION_SIGNATURES.values()) expect(sig.category).toBeTruthy();
  });

  it.each([
    ['cidrsubnet', 3, 3, 'string'],
    ['format', 1, Number.POSITIVE_INFINITY, 'dynamic'],
    ['merge', 0, Number.POSITIVE_INFINITY, 'dynamic'],
    ['lookup', 2, Number.POSITIVE_INFINITY, 'dynamic'],
    ['timestamp', 0, 0, 'string'],
    ['templatefile', 2, 2, 'dynamic'],
  ] as const)('%s takes %d..%d arguments and returns %j', (name, min, max, returns) => {
    const sig = lookupFunctionSignature(name);
    expect(sig).toBeDefined();
    expect(arity(sig!)).toEqual({ min, max });
    expect(sig!.returns).toEqual(returns);
  });

  it('resolves core:: aliases and rejects unknown names', () => {
    expect(lookupFunctionSignature('core::upper')?.name).toBe('upper');
    expect(lookupFunctionSignature('list')).toBeUndefined();
    expect(lookupFunctionSignature('type')).toBeUndefined();
  });

  it('names types as Terraform prints them', () => {
    expect(typeName(['list', 'string'])).toBe('list of string');
    expect(typeName(['map', ['list', 'string']])).toBe('map of list of string');
    expect(typeName('dynamic')).toBe('any type');
  });
});
