import { describe, expect, it } from 'vitest';
import { goJson, normalizeJsonString } from './go-json.ts';

describe("Go's encoding/json output", () => {
  it.each([
    [{ b: 1, a: ['<x>&'] }, '{"a":["\\u003cx\\u003e\\u0026"],"b":1}'],
    [{ z: null, y: true, x: 1.5 }, '{"x":1.5,"y":true,"z":null}'],
    [[], '[]'],
  ])('normalizes %j', (value, want) => {
    expect(normalizeJsonString(JSON.stringify(value))).toBe(want);
  });

  it('indents like MarshalIndent(v, "", "  ") keeping field order', () => {
    expect(goJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] }, { indent: true })).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:*"\n    }\n  ]\n}',
    );
  });

  it('leaves text that is not JSON alone', () => {
    expect(normalizeJsonString('not json')).toBeUndefined();
  });
});
