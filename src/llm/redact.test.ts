import { describe, expect, it } from 'vitest';
import { containsSecret, maskSecrets, redact, redactValue } from './redact.ts';

describe('redact', () => {
  it.each([
    ['key sk-proj-abcdefghijklmnopqrstuvwxyz0123 used', 'key [REDACTED] used'],
    ['anthropic sk-ant-api03-abcdefghijklmnop0123456', 'anthropic [REDACTED]'],
    ['Authorization: Bearer abc.def.ghi-123456', 'Authorization: Bearer [REDACTED]'],
    ['{"api-key": "0123456789abcdef"}', '{"api-key": "[REDACTED]"}'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('removes configured secret values wherever they appear', () => {
    expect(redact('the key is hunter2-key!', ['hunter2-key'])).toBe('the key is [REDACTED]!');
    expect(redactValue({ a: ['x hunter2-key'], b: 3 }, ['hunter2-key'])).toEqual({ a: ['x [REDACTED]'], b: 3 });
  });

  it('masks only the configured values in generated text (key-shaped strings of the code stay)', () => {
    expect(maskSecrets('token = "my-key-123" # Bearer abcdefghij', ['my-key-123'])).toBe('token = "[REDACTED]" # Bearer abcdefghij');
    expect([containsSecret('x my-key-123', ['my-key-123']), containsSecret('x', ['my-key-123']), containsSecret('abc', ['abc'])]).toEqual([true, false, false]);
  });
});
