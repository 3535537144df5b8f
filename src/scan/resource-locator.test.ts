import { describe, expect, it } from 'vitest';
import { parseAddress } from './resource-locator.ts';

describe('parseAddress', () => {
  it.each([
    ['aws_s3_bucket.b', { modules: [], resource: 'aws_s3_bucket.b' }],
    ['aws_instance.web[0]', { modules: [], resource: 'aws_instance.web' }],
    ['aws_instance.web["a.b"]', { modules: [], resource: 'aws_instance.web' }],
    ['module.net.aws_vpc.main', { modules: ['net'], resource: 'aws_vpc.main' }],
    ['module.a["x"].module.b[1].aws_vpc.main', { modules: ['a', 'b'], resource: 'aws_vpc.main' }],
    ['data.aws_iam_policy_document.p', { modules: [], resource: 'data.aws_iam_policy_document.p' }],
    ['bogus', undefined],
  ])('%s', (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });
});
