import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { describe, expect, it } from 'vitest';
import type { Expression } from '../hcl/ast.ts';
import { BASELINE_MAX_BYTES, hclWorkerBaseline, hclWorkerRunning, stopHclWorker } from '../hcl/hcl-syntax-worker.ts';
import { loadConfiguration } from './load-module.ts';
import { literalString } from './load-model.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const fixture = (name: string): string => join(FIXTURES, name);

const text = (expr: Expression | undefined): string | undefined => {
  if (!expr) return undefined;
  const literal = literalString(expr);
  if (literal !== undefined) return literal;
  if (expr.kind === 'traversal') return [expr.root, ...expr.steps.map((s) => (s.kind === 'attr' ? s.name : '[]'))].join('.');
  return expr.kind;
};

describe('loadConfiguration', () => {
  it('stops HashiCorp\'s parser worker when the load ends only for the last load of a run (lastLoad)', async () => {
    await loadConfiguration(fixture('basic'), { env: {} });
    expect(hclWorkerRunning()).toBe(true);
    const config = await loadConfiguration(fixture('basic'), { env: {}, lastLoad: true });
    expect(hclWorkerRunning()).toBe(false);
    expect(config.root.providers).toHaveLength(2);
  });

  it('takes back exactly the HCL it announced to the parser worker, so later loads are not counted as larger', async () => {
    // Announced by size on disk: a file of 3-byte characters is 3x its length in UTF-16 (what was taken back before).
    const text = (seed: number) => `locals {\n  s${seed} = "${'€'.repeat(Math.floor(BASELINE_MAX_BYTES / 3 / 2))}"\n}\n`;
    const dir = (seed: number) => {
      const made = mkdtempSync(join(tmpdir(), 'iacpac-announce-'));
      writeFileSync(join(made, 'main.tf'), text(seed));
      return made;
    };
    stopHclWorker();
    for (const seed of [1, 2]) await loadConfiguration(dir(seed), { env: {}, lastLoad: true });
    // A third load of half the baseline bound starts its worker for the baseline compiler, as the first one did.
    await loadConfiguration(dir(3), { env: {} });
    expect(hclWorkerBaseline()).toBe(true);
    stopHclWorker();
  });

  it('builds the typed model of a module with all top-level block kinds', async () => {
    const config = await loadConfiguration(fixture('basic'), { env: {} });
    const root = config.root;
    expect(config.diagnostics).toEqual([]);
    expect(root.path).toEqual([]);
    expect(root.files.map((f) => f.filename)).toEqual(['main.tf', 'outputs.tf', 'variables.tf']);

    expect(root.terraform).toHaveLength(1);
    const settings = root.terraform[0];
    expect(text(settings?.requiredVersion)).toBe('>= 1.5');
    expect(Object.fromEntries(Object.entries(settings?.requiredProviders ?? {}).map(([k, v]) => [k, [v.source, v.version, v.range.start.line]]))).toEqual({
      aws: ['hashicorp/aws', '~> 5.0', 4],
      random: [undefined, '~> 3.0', 8],
    });
    expect(settings?.backend?.labels).toEqual(['s3']);

    expect(root.providers.map((p) => [p.name, p.alias])).toEqual([
      ['aws', undefined],
      ['aws', 'west'],
    ]);

    expect(root.resources.map((r) => [r.mode, r.address, r.providerLocalName, r.providerAlias])).toEqual([
      ['managed', 'aws_s3_bucket.logs', 'aws', 'west'],
      ['managed', 'aws_iam_role.app', 'aws', undefined],
      ['data', 'data.aws_iam_policy_document.assume', 'aws', undefined],
    ]);
    const [bucket, role] = root.resources;
    expect(text(bucket?.count)).toBe('var.bucket_count');
    expect(bucket?.dependsOn.map(text)).toEqual(['aws_iam_role.app']);
    expect(bucket?.lifecycle?.body.attributes.map((a) => a.name)).toEqual(['prevent_destroy']);
    expect(bucket?.config.attributes.map((a) => a.name)).toEqual(['bucket', 'tags']);
    expect(bucket?.config.blocks.map((b) => b.type)).toEqual(['versioning']);
    expect(role?.forEach?.kind).toBe('call');
    expect(role?.provisioners.map((p) => p.labels)).toEqual([['local-exec']]);
    expect(role?.config.attributes.map((a) => a.name)).toEqual(['name', 'assume_role_policy']);

    expect(root.variables.map((v) => [v.name, text(v.type), text(v.default), v.description, v.sensitive, v.nullable, v.validations.length])).toEqual([
      ['region', 'string', 'us-east-1', 'AWS region', false, true, 0],
      ['prefix', 'string', undefined, undefined, false, true, 0],
      ['bucket_count', 'number', '1', undefined, false, false, 0],
      ['tags', 'call', 'object', undefined, true, true, 1],
    ]);
    expect(root.locals.map((l) => [l.name, l.attribute.range.filename, l.attribute.range.start.line])).toEqual([
      ['name', 'variables.tf', 29],
      ['ids', 'variables.tf', 30],
    ]);
    expect(root.outputs.map((o) => [o.name, text(o.value), o.sensitive, o.description, o.dependsOn.length])).toEqual([
      ['bucket_arn', 'aws_s3_bucket.logs.[].arn', true, 'The log bucket', 1],
      ['vpc_id', 'module.network.vpc_id', false, undefined, 0],
    ]);
  });

  it('loads local child modules recursively with root-relative file names', async () => {
    const config = await loadConfiguration(fixture('basic'), { env: {} });
    const [network, registry] = config.root.moduleCalls;
    expect(network?.source).toBe('./modules/network');
    expect(network?.inputs.map((i) => i.name)).toEqual(['cidr_block']);
    expect(network?.providers?.kind).toBe('object');
    expect(network?.module?.path).toEqual(['network']);
    expect(network?.module?.files.map((f) => f.filename)).toEqual(['modules/network/main.tf']);
    expect(network?.module?.resources.map((r) => r.address)).toEqual(['aws_vpc.this']);
    const subnets = network?.module?.moduleCalls[0]?.module;
    expect(subnets?.path).toEqual(['network', 'subnets']);
    expect(subnets?.resources[0]?.block.range.filename).toBe('modules/network/subnets/main.tf');
    expect([registry?.source, registry?.version, registry?.module]).toEqual(['terraform-aws-modules/vpc/aws', '5.1.0', undefined]);
  });

  it('applies input values in Terraform precedence order', async () => {
    const base = await loadConfiguration(fixture('basic'), { env: {} });
    expect(base.variableValues).toEqual({
      prefix: { value: 'from-tfvars', source: 'terraform.tfvars' },
      bucket_count: { value: 2, source: 'terraform.tfvars' },
      region: { value: 'from-auto-b', source: 'b.auto.tfvars.json' },
      tags: { value: { team: 'x' }, source: 'b.auto.tfvars.json' },
    });
    const withOptions = await loadConfiguration(fixture('basic'), {
      env: { TF_VAR_region: 'from-env', TF_VAR_prefix: 'from-env' },
      varFiles: [join(fixture('basic'), 'extra.tfvars')],
      vars: ['bucket_count=5', 'tags={ a = "b" }'],
    });
    expect(withOptions.variableValues).toEqual({
      prefix: { value: 'from-var-file', source: join(fixture('basic'), 'extra.tfvars') },
      bucket_count: { value: '5', source: 'cli' },
      region: { value: 'from-auto-b', source: 'b.auto.tfvars.json' },
      tags: { value: { a: 'b' }, source: 'cli' },
    });
  });

  it('merges override files the way Terraform does', async () => {
    const config = await loadConfiguration(fixture('overrides'), { env: {} });
    const web = config.root.resources.find((r) => r.address === 'aws_instance.web');
    expect(web?.config.attributes.map((a) => [a.name, text(a.expr), a.range.filename])).toEqual([
      ['ami', 'ami-123', 'main.tf'],
      ['instance_type', 't3.large', 'main_override.tf'],
    ]);
    expect(web?.config.blocks.map((b) => [b.type, text(b.body.attributes[0]?.expr)])).toEqual([['ebs_block_device', '/dev/sdb']]);
    expect(web?.lifecycle?.body.attributes.map((a) => [a.name, text(a.expr)])).toEqual([
      ['create_before_destroy', 'true'],
      ['prevent_destroy', 'true'],
    ]);
    expect(config.root.locals.map((l) => [l.name, text(l.attribute.expr)])).toEqual([
      ['env', 'prod'],
      ['keep', 'yes'],
    ]);
    expect(config.root.terraform[0]?.requiredProviders.aws?.version).toBe('5.100.0');
    expect(config.diagnostics.map((d) => [d.summary, d.detail, d.range?.filename, d.range?.start.line])).toEqual([
      [
        'Missing resource to override',
        'There is no aws_s3_bucket resource named "nowhere". An override file can only override a resource block defined in a primary configuration file.',
        'override.tf',
        10,
      ],
    ]);
  });

  it('stops at a module cycle with one InputError (exit 2) instead of recursing', async () => {
    const error = await loadConfiguration(fixture('cycle'), { env: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'modules/b/main.tf:2:12: module cycle: module.a.module.b.module.back_to_a loads modules/a, which one of its callers is already loading; remove the module call that points back to a calling module',
    );
  });

  it('reports a missing local module directory', async () => {
    const config = await loadConfiguration(fixture('missing-module'), { env: {} });
    expect(config.diagnostics.map((d) => [d.summary, d.detail, d.range?.start.line])).toEqual([
      ['Unreadable module directory', 'The directory modules/gone could not be read for module "gone" at main.tf:1.', 1],
    ]);
  });

  it('loads .tf.json files', async () => {
    const config = await loadConfiguration(fixture('json-config'), { env: {} });
    expect(config.diagnostics).toEqual([]);
    expect(config.root.resources.map((r) => [r.address, r.providerLocalName, r.providerAlias, r.config.attributes.map((a) => a.name)])).toEqual([
      ['aws_s3_bucket.b', 'aws', 'east', ['bucket']],
    ]);
    expect(config.root.variables.map((v) => [v.name, text(v.type)])).toEqual([['name', 'string']]);
  });

  it('skips hidden, backup and autosave files like Terraform', async () => {
    const config = await loadConfiguration(fixture('ignored-files'), { env: {} });
    expect(config.root.files.map((f) => f.filename)).toEqual(['main.tf']);
    expect(config.root.resources.map((r) => r.address)).toEqual(['null_resource.kept']);
  });
});

describe('input value problems', () => {
  it('are kept apart from configuration diagnostics', async () => {
    const config = await loadConfiguration(fixture('basic'), { env: {}, vars: ['nope=1'], varFiles: [join(fixture('overrides'), 'main.tf')] });
    expect(config.diagnostics).toEqual([]);
    expect(config.variableDiagnostics?.map((d) => [d.severity, d.summary, d.range?.start.line])).toEqual([
      ['error', 'Unexpected "resource" block', 1],
      ['error', 'Unexpected "locals" block', 15],
      ['error', 'Unexpected "terraform" block', 20],
      ['error', 'Value for undeclared variable', undefined],
    ]);
    expect(config.variableDiagnostics?.[3]?.detail).toBe(
      'A variable named "nope" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.',
    );
  });

  it('warns about undeclared values in files with Terraform wording, and rejects non-constant values', async () => {
    const config = await loadConfiguration(fixture('tfvars'), { env: {}, vars: ['list=[var.x]'] });
    expect(config.variableValues).toEqual({ list: { value: ['a'], source: 'terraform.tfvars' } });
    expect(config.variableDiagnostics?.map((d) => [d.severity, d.summary, d.detail, d.range?.filename ?? null])).toEqual([
      [
        'warning',
        'Value for undeclared variable',
        'The root module does not declare a variable named "undeclared" but a value was found in file "terraform.tfvars". If you meant to use this value, add a "variable" block to the configuration.\n\nTo silence these warnings, use TF_VAR_... environment variables to provide certain "global" settings to all configurations in your organization. To reduce the verbosity of these warnings, use the -compact-warnings option.',
        null,
      ],
      ['error', 'Function calls not allowed', 'Functions may not be called here.', 'terraform.tfvars'],
      ['error', 'Variables not allowed', 'Variables may not be used here.', '<value for var.list>'],
    ]);
  });
});

describe('modules installed by terraform init', () => {
  it('loads remote module calls from .terraform/modules/modules.json', async () => {
    const config = await loadConfiguration(fixture('installed-modules'), { env: {} });
    const [vpc, notInstalled] = config.root.moduleCalls;
    expect(config.diagnostics).toEqual([]);
    expect(vpc?.module?.files.map((f) => f.filename)).toEqual(['.terraform/modules/vpc/main.tf']);
    expect(vpc?.module?.moduleCalls[0]?.module?.resources.map((r) => [r.address, r.block.range.filename])).toEqual([
      ['aws_subnet.a', '.terraform/modules/vpc/subnets/main.tf'],
    ]);
    expect(notInstalled?.module).toBeUndefined();
  });
});
