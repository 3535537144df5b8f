import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { fromJS, toJSONText, type RegoValue } from '../value.ts';

const js = (v: unknown): RegoValue => fromJS(v);
const schema = js({
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, uniqueItems: true },
    kind: { enum: ['a', 'b'] },
  },
  required: ['id'],
  additionalProperties: false,
});

describe('json.match_schema', () => {
  it.each([
    [{ id: 5 }, []],
    [{ id: 'foo' }, [{ field: 'id', type: 'invalid_type', desc: 'Invalid type. Expected: integer, given: string' }]],
    [{}, [{ field: '(root)', type: 'required', desc: 'id is required' }]],
    [{ id: 0 }, [{ field: 'id', type: 'number_gte', desc: 'Must be greater than or equal to 1' }]],
    [{ id: 1, extra: true }, [{ field: 'extra', type: 'additional_property_not_allowed', desc: 'Additional property extra is not allowed' }]],
    [{ id: 1, tags: ['ok', 'Bad'] }, [{ field: 'tags.1', type: 'pattern', desc: "Does not match pattern '^[a-z]+$'" }]],
    [{ id: 1, tags: ['a', 'a'] }, [{ field: 'tags', type: 'unique', desc: 'array items[0,1] must be unique' }]],
    [{ id: 1, kind: 'c' }, [{ field: 'kind', type: 'enum', desc: 'kind must be one of the following: "a", "b"' }]],
  ] as Array<[unknown, Array<{ field: string; type: string; desc: string }>]>)('%j', (document, violations) => {
    const want = js([
      violations.length === 0,
      violations.map((v) => ({ error: `${v.field}: ${v.desc}`, desc: v.desc, field: v.field, type: v.type })),
    ]);
    expect(toJSONText(callBuiltin('json.match_schema', [js(document), schema])!)).toBe(toJSONText(want));
  });

  it.each([
    ['date-time', '2024-01-02T03:04:05Z', true],
    ['date-time', '2024-13-02T03:04:05Z', false],
    ['email', 'a@b.c', true],
    ['ipv4', '10.0.0.256', false],
    ['ipv6', '2001:db8::1', true],
    ['uuid', '00000000-0000-4000-8000-000000000000', true],
    ['hostname', 'bad_host', false],
  ])('checks format %s on %s', (format, value, valid) => {
    // A string document is JSON text, so the string value is given quoted.
    const result = callBuiltin('json.match_schema', [JSON.stringify(value), js({ type: 'string', format })]) as RegoValue[];
    expect(result[0]).toBe(valid);
    if (!valid) expect(toJSONText(result[1]!)).toContain(`Does not match format '${format}'`);
  });

  it('accepts documents and schemas as JSON text and follows local $refs', () => {
    const refSchema = '{"definitions": {"n": {"type": "number"}}, "properties": {"x": {"$ref": "#/definitions/n"}}}';
    expect(toJSONText(callBuiltin('json.match_schema', ['{"x": 1.5}', refSchema])!)).toBe('[true,[]]');
  });

  it('rejects an invalid schema with gojsonschema wording', () => {
    expect(() => callBuiltin('json.match_schema', [js({}), js({ properties: { id: { type: 'unknown' } } })])).toThrow(
      'json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]',
    );
  });
});

describe('json.verify_schema', () => {
  it('returns [true, null] for a valid schema and the reason otherwise', () => {
    expect(toJSONText(callBuiltin('json.verify_schema', ['{"type": "boolean"}'])!)).toBe('[true,null]');
    expect(toJSONText(callBuiltin('json.verify_schema', [js({ type: 'unknown_type' })])!)).toBe(
      toJSONText(js([false, 'jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]'])),
    );
  });
});
