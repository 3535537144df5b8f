import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { loadBundledSchemas, loadSchemas } from './bundled.ts';
import { ctyTypeName } from './cty-type.ts';
import { normalizeProviderAddress, providerDisplayName } from './provider-address.ts';
import type { ProviderSchemasDocument } from './provider-schema.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const userDoc: ProviderSchemasDocument = {
  format_version: '1.0',
  provider_schemas: {
    'registry.terraform.io/acme/widgets': {
      provider: { version: 0, block: { attributes: { token: { type: 'string', optional: true, sensitive: true } } } },
      resource_schemas: {
        widgets_thing: { version: 1, block: { attributes: { name: { type: 'string', required: true } } } },
      },
      data_source_schemas: {},
    },
  },
};

describe('bundled schemas', () => {
  it('looks up aws resource and data source schemas by local name, source and full address', () => {
    const schemas = loadBundledSchemas();
    for (const provider of ['aws', 'hashicorp/aws', 'registry.terraform.io/hashicorp/aws', 'registry.opentofu.org/hashicorp/aws']) {
      expect(schemas.resourceSchema(provider, 'aws_s3_bucket')?.block.attributes?.bucket).toEqual({
        type: 'string',
        optional: true,
        computed: true,
      });
    }
    expect(schemas.resourceSchema('aws', 'aws_s3_bucket')?.block.block_types?.website).toMatchObject({ nesting_mode: 'list', max_items: 1 });
    expect(schemas.resourceSchema('aws', 'aws_ami', 'data')?.block.attributes?.most_recent).toEqual({ type: 'bool', optional: true });
    expect(schemas.resourceSchema('aws', 'aws_ami', 'managed')?.block.attributes?.most_recent).toBeUndefined();
    expect(schemas.resourceSchema('aws', 'aws_nope')).toBeUndefined();
    expect(schemas.resourceSchema('google', 'google_thing')).toBeUndefined();
    expect(schemas.resourceTypes('aws', 'managed')).toHaveLength(1526);
    expect(schemas.resourceTypes('aws', 'data')).toHaveLength(608);
    expect(schemas.providerConfigSchema('aws')?.block.attributes?.region).toEqual({ type: 'string', optional: true });
    expect(schemas.providerFunction('aws', 'arn_parse')?.parameters?.[0]?.name).toBe('arn');
  });

  it('drops descriptions but keeps sensitive, deprecated and nesting details', () => {
    const db = loadBundledSchemas().resourceSchema('aws', 'aws_db_instance');
    expect(db?.block.attributes?.password).toEqual({ type: 'string', optional: true, sensitive: true });
    expect(JSON.stringify(db)).not.toContain('description');
    expect(loadBundledSchemas().resourceSchema('aws', 'aws_s3_bucket')?.block.attributes?.acl).toEqual({
      type: 'string',
      optional: true,
      computed: true,
      deprecated: true,
    });
  });
});

describe('user schema files', () => {
  it('adds a providers schema -json file (plain or gzip) without changing the cached bundle', () => {
    const dir = mkdtempSync(join(work, 'case-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify(userDoc));
    writeFileSync(join(dir, 's.json.gz'), gzipSync(JSON.stringify(userDoc)));
    for (const file of ['s.json', 's.json.gz']) {
      const schemas = loadSchemas([join(dir, file)]);
      expect(schemas.resourceSchema('acme/widgets', 'widgets_thing')?.block.attributes?.name).toEqual({ type: 'string', required: true });
      expect(schemas.has('aws')).toBe(true);
      expect(schemas.origin('acme/widgets')).toBe(join(dir, file));
    }
    expect(loadBundledSchemas().has('acme/widgets')).toBe(false);
  });

  it.each([
    ['not json', '{', /cannot read schema file .*s\.json: .*JSON/],
    ['wrong shape', '{"format_version":"1.0"}', /not a "terraform providers schema -json" document/],
  ])('rejects a file that is %s with one clear line', (_name, text, message) => {
    const dir = mkdtempSync(join(work, 'case-'));
    writeFileSync(join(dir, 's.json'), text);
    expect(() => loadSchemas([join(dir, 's.json')])).toThrow(InputError);
    expect(() => loadSchemas([join(dir, 's.json')])).toThrow(message);
  });

  it('rejects a missing file', () => {
    expect(() => loadSchemas(['/nonexistent/schema.json'])).toThrow(/cannot read schema file \/nonexistent\/schema\.json: ENOENT/);
  });
});

describe('addresses and types', () => {
  it.each([
    ['aws', 'registry.terraform.io/hashicorp/aws', 'hashicorp/aws'],
    ['Hashicorp/AWS', 'registry.terraform.io/hashicorp/aws', 'hashicorp/aws'],
    ['integrations/github', 'registry.terraform.io/integrations/github', 'integrations/github'],
    ['registry.opentofu.org/hashicorp/aws', 'registry.opentofu.org/hashicorp/aws', 'registry.opentofu.org/hashicorp/aws'],
  ])('normalizes %s', (input, address, display) => {
    expect(normalizeProviderAddress(input)).toBe(address);
    expect(providerDisplayName(input)).toBe(display);
  });

  it.each([
    ['string', 'string'],
    [['list', 'string'], 'list of string'],
    [['map', ['set', 'number']], 'map of set of number'],
    [['object', { a: 'string' }], 'object'],
  ] as const)('names cty type %j as %s', (type, name) => {
    expect(ctyTypeName(type as never)).toBe(name);
  });
});


describe('utility provider schemas', () => {
  it.each([
    ['random', 'random_string', 'managed', 'length', { type: 'number', required: true }],
    ['random', 'random_password', 'managed', 'result', { type: 'string', computed: true, sensitive: true }],
    ['archive', 'archive_file', 'data', 'output_path', { type: 'string', required: true }],
    ['null', 'null_resource', 'managed', 'triggers', { type: ['map', 'string'], optional: true }],
    ['tls', 'tls_private_key', 'managed', 'algorithm', { type: 'string', required: true }],
    ['local', 'local_file', 'managed', 'filename', { type: 'string', required: true }],
    ['time', 'time_sleep', 'managed', 'create_duration', { type: 'string', optional: true }],
    ['terraform.io/builtin/terraform', 'terraform_data', 'managed', 'input', { type: 'dynamic', optional: true }],
  ] as const)('bundles %s: %s.%s', (provider, type, mode, attribute, expected) => {
    expect(loadBundledSchemas().resourceSchema(provider, type, mode)?.block.attributes?.[attribute]).toEqual(expected);
  });

  it('lists every bundled provider explicitly', () => {
    expect(loadBundledSchemas().addresses()).toEqual([
      ...['archive', 'aws', 'local', 'null', 'random', 'time', 'tls'].map((name) => `registry.terraform.io/hashicorp/${name}`),
      'terraform.io/builtin/terraform',
    ]);
  });
});
