import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinary } from '../backends/find-binary.ts';
import { validateDirectory } from './validate-directory.ts';

// Edge inputs whose verdict must equal terraform validate's (Terraform 1.11.4). Four more live as recorded
// fixtures under __fixtures__/terraform: range_limit (range(1e7) in a local), templatefile_recursion
// (a template calling templatefile), dynamic_in_dynamic, utf8_comment (invalid UTF-8 inside comments).

const scratch = mkdtempSync(join(tmpdir(), 'iacpac-edge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A root module calling a module that calls a module ... `depth` levels deep, the deepest with an output. */
function nestedModules(depth: number): string {
  const root = join(scratch, `nested-${depth}`);
  let dir = root;
  for (let i = 0; i < depth; i++) {
    mkdirSync(join(dir, 'm'), { recursive: true });
    writeFileSync(join(dir, 'main.tf'), 'module "m" {\n  source = "./m"\n}\n');
    dir = join(dir, 'm');
  }
  writeFileSync(join(dir, 'main.tf'), 'output "x" {\n  value = 1\n}\n');
  return root;
}

describe('edge verdicts equal terraform validate', () => {
  it('validates modules nested 50 deep (Terraform has no nesting limit)', async () => {
    const result = await validateDirectory(nestedModules(50));
    expect(result).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });

  it('still checks the deepest module', async () => {
    const root = nestedModules(40);
    let deepest = root;
    for (let i = 0; i < 40; i++) deepest = join(deepest, 'm');
    writeFileSync(join(deepest, 'main.tf'), 'output "x" {\n  value = length(5)\n}\n');
    const result = await validateDirectory(root);
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map((d) => d.summary)).toEqual(['Error in function call']);
  });
});

const terraform = findBinary('terraform');

describe.skipIf(!terraform)('the same verdict from a live terraform run', () => {
  it(
    'modules nested 50 deep are valid',
    async () => {
      const { validateWithCli } = await import('../backends/cli-validate.ts');
      const live = await validateWithCli(nestedModules(50), { engine: 'terraform', pluginDir: '/opt/tf-plugins' });
      expect(live.valid).toBe(true);
    },
    300_000,
  );
});
