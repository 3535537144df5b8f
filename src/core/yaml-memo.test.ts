import { describe, expect, it } from 'vitest';
import { parseYamlMemo } from './yaml-memo.ts';

describe('parseYamlMemo', () => {
  const cases: Array<{ text: string; value: unknown }> = [
    { text: 'title: x\ncustom:\n  id: A_1\n  checkov: [CKV_AWS_1]\n', value: { title: 'x', custom: { id: 'A_1', checkov: ['CKV_AWS_1'] } } },
    { text: '', value: null },
    { text: '- 1\n- two\n', value: [1, 'two'] },
  ];
  for (const { text, value } of cases) {
    it(`parses ${JSON.stringify(text)} the same the first and the second time`, () => {
      expect(parseYamlMemo(text)).toEqual(value);
      expect(parseYamlMemo(text)).toEqual(value);
    });
  }

  it('returns a separate copy on every call, so a caller changing its result does not change the next one', () => {
    const text = 'custom:\n  resource_types: [aws_s3_bucket]\n';
    const first = parseYamlMemo(text) as { custom: { resource_types: string[] } };
    first.custom.resource_types.push('changed');
    expect(parseYamlMemo(text)).toEqual({ custom: { resource_types: ['aws_s3_bucket'] } });
  });

  it('throws the same error every time for invalid YAML', () => {
    const text = 'a: [1, 2\n';
    const message = 'Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:\n\na: [1, 2\n\n^\n';
    expect(() => parseYamlMemo(text)).toThrow(message);
    expect(() => parseYamlMemo(text)).toThrow(message);
  });
});
