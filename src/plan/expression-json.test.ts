import { describe, expect, it } from 'vitest';
import { parseHclFile } from '../hcl/parse.ts';
import { marshalExpression } from './expression-json.ts';

async function expression(source: string) {
  const file = await parseHclFile('main.tf', `x = ${source}\n`);
  const attribute = file.body.attributes[0];
  if (!attribute) throw new Error(`no attribute parsed from ${source}`);
  return attribute.expr;
}

// Each expected value is what Terraform 1.11.4 wrote for the same expression (recorded plans under
// src/plan/__fixtures__/ and ../shared/data/iac-eval/terraform-plans/).
describe('configuration expressions as Terraform writes them', () => {
  it.each([
    ['"example53.com"', { constant_value: 'example53.com' }],
    ['30', { constant_value: 30 }],
    ['null', { constant_value: null }],
    ['["a", "b"]', { constant_value: ['a', 'b'] }],
    ['{ Name = "x", n = 1 }', { constant_value: { Name: 'x', n: 1 } }],
    ['aws_route53_zone.primary.name', { references: ['aws_route53_zone.primary.name', 'aws_route53_zone.primary'] }],
    ['data.aws_iam_policy_document.p.json', { references: ['data.aws_iam_policy_document.p.json', 'data.aws_iam_policy_document.p'] }],
    ['aws_s3_bucket.b[0].id', { references: ['aws_s3_bucket.b[0].id', 'aws_s3_bucket.b[0]', 'aws_s3_bucket.b'] }],
    ['aws_s3_bucket.b[1].tags["Env"]', { references: ['aws_s3_bucket.b[1].tags["Env"]', 'aws_s3_bucket.b[1].tags', 'aws_s3_bucket.b[1]', 'aws_s3_bucket.b'] }],
    ['aws_s3_bucket.e["a"].arn', { references: ['aws_s3_bucket.e["a"].arn', 'aws_s3_bucket.e["a"]', 'aws_s3_bucket.e'] }],
    ['"bkt-${var.names[count.index]}"', { references: ['var.names', 'count.index'] }],
    ['local.tags', { references: ['local.tags'] }],
    ['each.value', { references: ['each.value'] }],
    ['module.m.arn', { references: ['module.m.arn', 'module.m'] }],
    ['"${data.aws_region.current.name} ${self.name}"', { references: ['data.aws_region.current.name', 'data.aws_region.current', 'self.name', 'self'] }],
    ['jsonencode({ Version = "2012-10-17" })', {}],
    ['[for n in var.names : upper(n)]', { references: ['var.names'] }],
    ['aws_instance.web[*].id', { references: ['aws_instance.web'] }],
  ])('%s', async (source, want) => {
    expect(marshalExpression(await expression(source))).toEqual(want);
  });

  it('keeps duplicate references, as Terraform does', async () => {
    expect(marshalExpression(await expression('["${aws_opensearch_domain.d.arn}/*", aws_opensearch_domain.d.arn]'))).toEqual({
      references: ['aws_opensearch_domain.d.arn', 'aws_opensearch_domain.d', 'aws_opensearch_domain.d.arn', 'aws_opensearch_domain.d'],
    });
  });
});
