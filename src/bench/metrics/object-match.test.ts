import { describe, expect, it } from 'vitest';
import { countObjects, objectMatch } from './object-match.ts';

const reference = `
provider "aws" {
  region = "us-east-1"
}
resource "aws_s3_bucket" "a" {}
resource "aws_s3_bucket" "b" {}
data "aws_iam_policy_document" "p" {}
`;

describe('object recall and precision', () => {
  it('counts provider, resource and data blocks by type, ignoring comments and heredocs', () => {
    const text = `${reference}
# resource "aws_instance" "commented" {}
resource "aws_iam_policy" "x" {
  policy = <<EOF
resource "aws_instance" "inside_heredoc" {}
EOF
}
/*
resource "aws_vpc" "in_block_comment" {}
*/`;
    expect(Object.fromEntries(countObjects(text))).toEqual({
      'provider:aws': 1,
      'resource:aws_s3_bucket': 2,
      'data:aws_iam_policy_document': 1,
      'resource:aws_iam_policy': 1,
    });
  });

  it.each([
    { name: 'identical scripts', predicted: reference, recall: 1, precision: 1, types: 3 },
    {
      name: 'one bucket missing, one extra instance',
      predicted: `provider "aws" {}\nresource "aws_s3_bucket" "a" {}\nresource "aws_instance" "i" {}\ndata "aws_iam_policy_document" "p" {}`,
      recall: 3 / 4,
      precision: 3 / 4,
      types: 4,
    },
    { name: 'three buckets (TP capped by gold count)', predicted: 'resource "aws_s3_bucket" "a" {}\n'.repeat(3), recall: 2 / 4, precision: 2 / 3, types: 1 },
    { name: 'empty prediction', predicted: 'no code here', recall: 0, precision: null, types: 0 },
  ])('$name', ({ predicted, recall, precision, types }) => {
    const m = objectMatch(predicted, reference);
    expect(m.recall).toBeCloseTo(recall, 10);
    if (precision === null) expect(m.precision).toBeNull();
    else expect(m.precision).toBeCloseTo(precision, 10);
    expect(m.predictedObjectTypes).toBe(types);
  });
});
