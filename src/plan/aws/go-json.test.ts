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

  it('escapes strings as terraform-provider-aws 5.100.0 (Go 1.23) does: \\b and \\f short, <, >, & as \\u00XX', () => {
    // The provider's `minified_json` and `json` of a `data "aws_iam_policy_document"` whose resource is
    // "arn:aws:s3:::b\u0008x\u000c<&>/*", as `terraform plan` + `show -json` recorded them (terraform 1.11.4).
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b\bx\f<&>/*' }] };
    expect(goJson(doc)).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b\\bx\\f\\u003c\\u0026\\u003e/*"}]}');
    expect(goJson(doc, { indent: true })).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b\\bx\\f\\u003c\\u0026\\u003e/*"\n    }\n  ]\n}',
    );
  });

  it('leaves text that is not JSON alone', () => {
    expect(normalizeJsonString('not json')).toBeUndefined();
  });
});
