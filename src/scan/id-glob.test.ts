import { describe, expect, it } from 'vitest';
import { matchesAny, splitList } from './id-glob.ts';

describe('matchesAny', () => {
  it.each([
    ['IACPAC_AWS_S3_001', ['IACPAC_AWS_S3_001'], true],
    ['IACPAC_AWS_S3_001', ['iacpac_aws_s3_001'], true],
    ['IACPAC_AWS_S3_001', ['IACPAC_AWS_S3_*'], true],
    ['IACPAC_AWS_S3_001', ['IACPAC_AWS_S3_00?'], true],
    ['IACPAC_AWS_S3_001', ['IACPAC_AWS_EC2_*'], false],
    ['CKV_AWS_21', ['CKV_AWS_2'], false],
    ['CKV2_AWS_6', ['CKV2_*', 'X'], true],
    ['a.b', ['a?b'], true],
    ['axb', ['a.b'], false],
  ])('%s vs %j -> %s', (id, patterns, expected) => {
    expect(matchesAny(id, patterns)).toBe(expected);
  });
});

describe('splitList', () => {
  it('splits repeated and comma-separated values', () => {
    expect(splitList(['a,b', ' c ', ''])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
  });
});
