import { describe, expect, it } from 'vitest';
import type { ValueCheck } from '../../schema/provider-checks/check-types.ts';
import { goJsonSyntaxError } from './go-json.ts';
import { runValueCheck, type PrimitiveValue } from './value-checks.ts';

const keys = { name: 'acl', flat: 'rule.0.acl', path: 'rule[0].acl' };
const summaries = (check: ValueCheck, value: PrimitiveValue) => runValueCheck(check, value, keys).map((f) => (f.detail ? `${f.summary}: ${f.detail}` : f.summary));

describe('provider value checks (messages as terraform-provider-aws 5.100.0 prints them)', () => {
  it.each<[ValueCheck, PrimitiveValue, string[]]>([
    [{ kind: 'enum', values: ['private', 'public-read'], key: 'name' }, 'private', []],
    [{ kind: 'enum', values: ['private', 'public-read'], key: 'name' }, 'Private', ['expected acl to be one of ["private" "public-read"], got Private']],
    [{ kind: 'enum', values: ['private'], key: 'name', ignoreCase: true }, 'PRIVATE', []],
    [{ kind: 'enum', values: ['a'], key: 'flat' }, 'b', ['expected rule.0.acl to be one of ["a"], got b']],
    [{ kind: 'enum', values: ['a'], key: 'path', framework: true }, 'b', ['Invalid Attribute Value Match: Attribute rule[0].acl value must be one of: ["a"], got: "b"']],
    [{ kind: 'int-enum', values: [0, 1, 3], key: 'name' }, 4, ['expected acl to be one of [0 1 3], got 4']],
    [{ kind: 'int-range', min: 0, max: 35, key: 'name' }, 36, ['expected acl to be in the range (0 - 35), got 36']],
    [{ kind: 'int-range', min: 1, key: 'name' }, 0, ['expected acl to be at least (1), got 0']],
    [{ kind: 'length', min: 1, max: 3, key: 'name' }, 'abcd', ['expected length of acl to be in the range (1 - 3), got abcd']],
    [{ kind: 'arn', key: 'name' }, '', []],
    [{ kind: 'arn', key: 'name' }, 'alias/aws/rds', ['"acl" (alias/aws/rds) is an invalid ARN: arn: invalid prefix']],
    [{ kind: 'arn', key: 'name' }, 'arn:aws:s3', ['"acl" (arn:aws:s3) is an invalid ARN: arn: not enough sections']],
    [{ kind: 'arn', key: 'name' }, 'arn:aws:iam::123456789012:role/x', []],
    [{ kind: 'arn', key: 'name' }, 'arn:aws:s3:::', ['"acl" (arn:aws:s3:::) is an invalid ARN: missing resource value']],
    [{ kind: 'cidr', family: 'ipv4' }, '10.0.1.0/16', ['"10.0.1.0/16" is not a valid IPv4 CIDR block; did you mean "10.0.0.0/16"?']],
    [{ kind: 'cidr', family: 'ipv4' }, '10.0.0.0/33', ['"10.0.0.0/33" is not a valid CIDR block: invalid CIDR address: 10.0.0.0/33']],
    [{ kind: 'cidr', family: 'ipv4' }, '2001:db8::/32', ['"2001:db8::/32" is not a valid IPv4 CIDR block']],
    [{ kind: 'cidr', family: 'any' }, '2001:db8::1/32', ['"2001:db8::1/32" is not a valid CIDR block; did you mean "2001:db8::/32"?']],
    [{ kind: 'iam-policy-json', key: 'name' }, '[]', ['"acl" contains an invalid JSON policy: contains a JSON array, not a JSON object']],
    [{ kind: 'iam-policy-json', key: 'name' }, '{"a":1,}', ['"acl" contains an invalid JSON policy: invalid character \'}\' looking for beginning of object key string, at byte offset 8']],
    [{ kind: 'region', key: 'flat' }, 'us-gov-west-1', []],
    [{ kind: 'region', key: 'flat' }, 'ap-southeast-12', []],
    [{ kind: 'region', key: 'flat' }, 'ap-southeast-123', ['"rule.0.acl" doesn\'t look like AWS Region: "ap-southeast-123"']],
    [{ kind: 'region', key: 'name' }, 'EU-WEST-3', ['"acl" doesn\'t look like AWS Region: "EU-WEST-3"']],
    [{ kind: 'literal', rejects: [{ value: '', summary: 'x must not be empty', detail: '' }] }, '', ['x must not be empty']],
    [{ kind: 'literal', rejects: [{ value: '', summary: 'x must not be empty', detail: '' }] }, 'y', []],
  ])('%j on %j', (check, value, want) => {
    expect(summaries(check, value)).toEqual(want);
  });
});

describe('Go encoding/json syntax errors', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['{"a": 1', { message: 'unexpected end of JSON input', offset: 7 }],
    ['{"a" 1}', { message: "invalid character '1' after object key", offset: 6 }],
    ['[1,]', { message: "invalid character ']' looking for beginning of value", offset: 4 }],
    ['tru', { message: 'unexpected end of JSON input', offset: 3 }],
    ['{} x', { message: "invalid character 'x' after top-level value", offset: 4 }],
  ])('%s', (text, want) => {
    expect(goJsonSyntaxError(text)).toEqual(want);
  });
});
