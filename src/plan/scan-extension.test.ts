import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../terraform/load-module.ts';
import { scanExtension } from './scan-extension.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-scan-extension-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanExtension', () => {
  it('lists each lifecycle block by configuration address, in the shape of configuration expressions', async () => {
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'resource "aws_acm_certificate" "cert" {',
        '  domain_name       = "example.com"',
        '  validation_method = "DNS"',
        '  lifecycle {',
        '    create_before_destroy = true',
        '    ignore_changes        = [tags]',
        '  }',
        '}',
        'resource "aws_s3_bucket" "plain" {}',
        'module "api" {',
        '  source = "./api"',
        '}',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'api'));
    writeFileSync(
      join(dir, 'api', 'main.tf'),
      'resource "aws_api_gateway_rest_api" "this" {\n  name = "api"\n  count = 2\n  lifecycle {\n    create_before_destroy = false\n  }\n}\n',
    );
    const extension = scanExtension(await loadConfiguration(dir));
    expect(extension).toEqual({
      format_version: '1.0',
      lifecycle: {
        // `tags` in ignore_changes names an attribute, not an object it refers to: no constant, no references.
        'aws_acm_certificate.cert': { create_before_destroy: { constant_value: true }, ignore_changes: {} },
        'module.api.aws_api_gateway_rest_api.this': { create_before_destroy: { constant_value: false } },
      },
      connections: {},
    });
  });

  it('connects resources through locals, module variables and outputs, and shared S3 bucket names', async () => {
    const root = join(dir, 'connections');
    mkdirSync(join(root, 'logs'), { recursive: true });
    writeFileSync(
      join(root, 'main.tf'),
      [
        'variable "name" {}',
        'locals {',
        '  key_arn = aws_kms_key.k.arn',
        '  again   = local.key_arn',
        '}',
        'resource "aws_kms_key" "k" {}',
        'resource "aws_sns_topic" "t" {',
        '  kms_master_key_id = local.again',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = var.name',
        '}',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  bucket = var.name',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        'module "logs" {',
        '  source = "./logs"',
        '  key    = aws_kms_key.k.arn',
        '}',
        'resource "aws_sqs_queue" "q" {',
        '  name = module.logs.group',
        '}',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'logs', 'main.tf'),
      'variable "key" {}\nresource "aws_cloudwatch_log_group" "g" {\n  kms_key_id = var.key\n}\noutput "group" {\n  value = aws_cloudwatch_log_group.g.name\n}\n',
    );
    const { connections } = scanExtension(await loadConfiguration(root));
    expect(connections).toEqual({
      'aws_sns_topic.t': ['aws_kms_key.k'],
      'aws_s3_bucket.b': ['aws_s3_bucket_versioning.v'],
      'aws_sqs_queue.q': ['module.logs.aws_cloudwatch_log_group.g'],
      'module.logs.aws_cloudwatch_log_group.g': ['aws_kms_key.k'],
    });
  });
});
