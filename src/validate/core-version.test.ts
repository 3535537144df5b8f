import { describe, expect, it } from 'vitest';
import { parseHclFile } from '../hcl/parse.ts';
import { addTopLevelBlocks, emptyModule } from '../terraform/load-model.ts';
import { coreVersionDiagnostics } from './core-version.ts';

/** The core version verdict for one `required_version` constraint, checked as Terraform 1.11.4. */
async function verdict(constraint: string): Promise<string> {
  const file = await parseHclFile('main.tf', `terraform {\n  required_version = ${JSON.stringify(constraint)}\n}\n`);
  const module = emptyModule('/x', [], [file]);
  addTopLevelBlocks(module, file.body.blocks);
  const [d] = coreVersionDiagnostics([module]);
  return d ? `${d.severity}: ${d.summary}` : 'ok';
}

describe('required_version against Terraform 1.11.4', () => {
  it.each([
    ['>= 0.12', 'ok'],
    ['~> 1.0', 'ok'],
    ['~> 1', 'ok'],
    ['~> 1.11.0', 'ok'],
    ['1.11.4', 'ok'],
    ['= 1.11.4', 'ok'],
    ['v1.11.4', 'ok'],
    ['>= 1.5.0, < 2.0.0', 'ok'],
    ['~> 0.14', 'error: Unsupported Terraform Core version'],
    ['~> 0.12.0', 'error: Unsupported Terraform Core version'],
    ['>= 1.0, < 1.5', 'error: Unsupported Terraform Core version'],
    ['~> 1.10.0', 'error: Unsupported Terraform Core version'],
    ['<= 1.11.3', 'error: Unsupported Terraform Core version'],
    ['>= 1.12', 'warning: Configuration requires a later Terraform version'],
    ['!= 1.11.4', 'warning: Configuration requires a later Terraform version'],
    ['~> 1.12.0', 'warning: Configuration requires a later Terraform version'],
    ['> 1.11.4', 'warning: Configuration requires a later Terraform version'],
    ['not a version', 'ok'],
  ])('%s -> %s', async (constraint, want) => {
    expect(await verdict(constraint)).toBe(want);
  });
});
