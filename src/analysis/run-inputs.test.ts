import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInputs, type InputResult } from './run-inputs.ts';

const repo = mkdtempSync(join(tmpdir(), 'iacpac-repo-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"\n}\n`;

beforeAll(() => {
  write('envs/prod/main.tf', 'module "data" {\n  source = "../../modules/bucket"\n}\nmodule "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n');
  write('envs/prod/azure.tf', 'resource "azurerm_resource_group" "a" {\n  name     = "a"\n  location = "westeurope"\n}\nresource "azurerm_resource_group" "b" {\n  name     = "b"\n  location = "westeurope"\n}\n');
  write('envs/dev/main.tf', bucket('dev'));
  write('envs/dev/extra.tf', bucket('extra'));
  write('modules/bucket/main.tf', bucket('module'));
  write('.github/ci/main.tf', bucket('hidden'));
  write('envs/prod/.terraform/modules/x/main.tf', bucket('installed'));
  write('node_modules/pkg/main.tf', bucket('vendored'));
  write('docs/readme.md', '# no terraform here\n');
});

const summary = (results: InputResult[]) =>
  results.map((r) => ({ dir: r.dir.slice(repo.length + 1) || '.', kind: r.kind, resources: r.scan?.resources, partial: r.scan?.partial, notices: r.scan?.notices.map((n) => n.code) }));

describe('runInputs: repository scanning', () => {
  it('finds every root module, skipping hidden, .terraform, node_modules and called local modules', async () => {
    const { results, empty } = await runInputs([repo], [], { validate: true, scan: true, jobs: 1 });
    expect(empty).toEqual([]);
    expect(summary(results)).toEqual([
      { dir: 'envs/dev', kind: 'directory', resources: 2, partial: false, notices: [] },
      { dir: 'envs/prod', kind: 'directory', resources: 3, partial: true, notices: ['module-not-installed', 'provider-not-checked'] },
    ]);
    const prod = results[1]?.scan;
    expect(prod?.notices.map((n) => n.message)).toEqual([
      'module.vpc (source "terraform-aws-modules/vpc/aws") is not installed: run terraform init; its resources were not scanned',
      '2 azurerm resources not checked: no policies for provider azurerm',
    ]);
    expect(prod?.notices[0]?.range).toMatchObject({ filename: 'main.tf', start: { line: 5 } });
    // every finding of a root with a module that is not installed is partial
    expect(prod?.findings.length).toBeGreaterThan(0);
    expect(prod?.findings.every((f) => f.partial)).toBe(true);
    expect(results[0]?.validation?.valid).toBe(true);
  });

  it('gives the same results in worker threads', async () => {
    const inline = await runInputs([repo], [], { validate: true, scan: true, jobs: 1 });
    const parallel = await runInputs([repo], [], { validate: true, scan: true, jobs: 2 });
    expect(parallel).toEqual(inline);
  });

  it('analyses single files alone (-f), grouped by directory', async () => {
    const { results } = await runInputs([], [join(repo, 'envs/dev/main.tf')], { validate: false, scan: true, jobs: 1 });
    expect(summary(results)).toEqual([{ dir: 'envs/dev', kind: 'files', resources: 1, partial: false, notices: [] }]);
  });

  it('reads a plan document from stdin (-) and reports directories without configuration', async () => {
    const plan = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_s3_bucket.p', mode: 'managed', type: 'aws_s3_bucket', name: 'p', provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], after: { bucket: 'p', acl: 'public-read' }, after_unknown: {} } }] });
    const { results, empty } = await runInputs(['-', join(repo, 'docs')], [], { validate: true, scan: true, readStdin: async () => plan });
    expect(empty).toEqual([join(repo, 'docs')]);
    expect(results.map((r) => [r.dir, r.kind, r.validation])).toEqual([['(stdin)', 'plan', undefined]]);
    expect(results[0]?.scan?.findings.map((f) => f.policy_id)).toContain('IACPAC_AWS_S3_016');
  });

  it('refuses input with nothing to analyse (exit 2)', async () => {
    await expect(runInputs([join(repo, 'docs')], [], { validate: true, scan: false })).rejects.toThrow(/no Terraform configuration files \(\*\.tf or \*\.tf\.json\) here or in any subdirectory/);
    await expect(runInputs([join(repo, 'nope')], [], { validate: true, scan: false })).rejects.toThrow(/nope: no such file or directory/);
  });
});
