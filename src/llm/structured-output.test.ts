import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonReply } from './structured-output.ts';

const schema = z.object({ score: z.number().int().min(1).max(5), reasons: z.array(z.string()) });

describe('parseJsonReply', () => {
  it.each([
    ['```json\n{"score": 4, "reasons": ["ok"]}\n```', { score: 4, reasons: ['ok'] }],
    ['Here you go:\n{"score": 5, "reasons": []}\nThanks', { score: 5, reasons: [] }],
    ['```\n{"score": 2, "reasons": ["x"]}\n```', { score: 2, reasons: ['x'] }],
  ])('extracts %j', (text, expected) => {
    expect(parseJsonReply(text, schema)).toEqual(expected);
  });

  it.each([
    ['no json at all', 'the reply contains no JSON object'],
    ['{"score": 9, "reasons": []}', 'the JSON does not match the schema: score: Number must be less than or equal to 5'],
    ['{"score": 3, "reasons": [}', 'the JSON does not parse'],
  ])('rejects %j', (text, message) => {
    expect(() => parseJsonReply(text, schema)).toThrow(message);
  });
});
