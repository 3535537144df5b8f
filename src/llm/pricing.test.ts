import { describe, expect, it } from 'vitest';
import { costOf, findPrice } from './pricing.ts';

describe('findPrice', () => {
  it.each([
    ['openai', 'gpt-4o-2024-08-06', { input: 2.5, output: 10 }],
    ['openai', 'gpt-4o-mini', { input: 0.15, output: 0.6 }],
    ['anthropic', 'claude-sonnet-4-5-20250929', { input: 3, output: 15 }],
    ['ollama', 'llama3.1', { input: 0, output: 0 }],
    ['openai-compatible', 'my-local-model', undefined],
  ])('%s %s', (provider, model, price) => {
    expect(findPrice(provider, model)).toEqual(price);
  });

  it('lets the config table override and extend', () => {
    expect(findPrice('openai-compatible', 'my-local-model', { 'my-local': { input: 1, output: 2 } })).toEqual({ input: 1, output: 2 });
  });

  it('computes the cost of a call', () => {
    expect(costOf({ inputTokens: 2000, outputTokens: 1000, totalTokens: 3000 }, { input: 3, output: 15 })).toBe(0.021);
    expect(costOf({ inputTokens: 2000, outputTokens: 1000, totalTokens: 3000 }, undefined)).toBe(0);
  });
});
