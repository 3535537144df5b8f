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
    });
  });
});
