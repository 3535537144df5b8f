// Records what the real `terraform console` prints for every expression of
// src/terraform/eval/__fixtures__/expressions.txt (run in __fixtures__/console, which declares the variables and
// locals the table uses) into src/terraform/eval/__fixtures__/terraform-console.json.
//   tsx scripts/record-terraform-console.ts [path/to/terraform] [--no-plan]
// (--no-plan skips the slow `terraform console -plan` part, about 10 s per expression.)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const terraform = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'terraform';
const withPlan = !process.argv.includes('--no-plan');
const testdata = join(import.meta.dirname, '..', 'src', 'terraform', 'eval', '__fixtures__');
const cwd = join(testdata, 'console');
const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
const version = (JSON.parse(execFileSync(terraform, ['version', '-json'], { encoding: 'utf8', env })) as { terraform_version: string })
  .terraform_version;

const expressions = readFileSync(join(testdata, 'expressions.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

interface Recorded {
  expr: string;
  output?: string;
  error?: { summary: string; detail: string };
}

/** `Error: <summary>` then the source lines, then the detail paragraph (console wraps it at ~78 columns). */
function parseError(stderr: string): { summary: string; detail: string } {
  const lines = stderr.replace(/\r/g, '').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Error: '));
  const summary = start >= 0 ? lines[start]!.slice('Error: '.length).trim() : stderr.trim();
  // Only the first error (a splat over several elements reports one per element).
  const following = lines.slice(start + 1);
  const nextError = following.findIndex((l) => l.startsWith('Error: '));
  const rest = nextError >= 0 ? following.slice(0, nextError) : following;
  const srcEnd = rest.findIndex((l) => l.includes('(source code not available)'));
  const detail = rest
    .slice(srcEnd + 1)
    .join('\n')
    .trim();
  return { summary, detail };
}

const results: Recorded[] = [];
for (const expr of expressions) {
  const r = spawnSync(terraform, ['console', '-no-color'], { cwd, input: `${expr}\n`, encoding: 'utf8', env, timeout: 30_000 });
  if (r.status === 0) results.push({ expr, output: r.stdout.replace(/\n$/, '') });
  else results.push({ expr, error: parseError(r.stderr || r.stdout) });
}
writeFileSync(join(testdata, 'terraform-console.json'), `${JSON.stringify({ terraform_version: version, cases: results }, null, 1)}\n`);
process.stdout.write(`recorded ${results.length} expressions with terraform ${version}\n`);

// Unknown values: `terraform console -plan` in a temporary copy of __fixtures__/plan-console (offline aws
// provider from the plugin directory, fake credentials), when the provider is available.
const pluginDir = process.env.TF_PLUGIN_DIR ?? '/opt/tf-plugins';
if (withPlan && existsSync(pluginDir)) {
  const work = mkdtempSync(join(tmpdir(), 'iacpac-console-plan-'));
  try {
    cpSync(join(testdata, 'plan-console', 'main.tf'), join(work, 'main.tf'));
    spawnSync(terraform, ['init', '-backend=false', `-plugin-dir=${pluginDir}`, '-no-color'], { cwd: work, encoding: 'utf8', env, timeout: 300_000 });
    const planExpressions = readFileSync(join(testdata, 'plan-expressions.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const planResults: Recorded[] = [];
    for (const expr of planExpressions) {
      const r = spawnSync(terraform, ['console', '-plan', '-no-color'], { cwd: work, input: `${expr}\n`, encoding: 'utf8', env, timeout: 120_000 });
      if (r.status === 0) planResults.push({ expr, output: r.stdout.replace(/\n$/, '') });
      else planResults.push({ expr, error: parseError(r.stderr || r.stdout) });
    }
    writeFileSync(join(testdata, 'terraform-console-plan.json'), `${JSON.stringify({ terraform_version: version, cases: planResults }, null, 1)}\n`);
    process.stdout.write(`recorded ${planResults.length} plan-time expressions\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Diagnostic ranges: the console hides them, `terraform validate -json` shows them. Every failing
// expression that needs no variables, locals or files becomes an output of __fixtures__/ranges/main.tf.
const rangesDir = join(testdata, 'ranges');
mkdirSync(rangesDir, { recursive: true });
const failing = results.filter((r) => r.error && !/var\.|local\.|file|template/.test(r.expr));
writeFileSync(join(rangesDir, 'main.tf'), failing.map((r, i) => `output "o${i}" {\n  value = ${r.expr}\n}\n`).join(''));
const validate = spawnSync(terraform, ['validate', '-json', '-no-color'], { cwd: rangesDir, encoding: 'utf8', env, timeout: 120_000 });
const diagnostics = (JSON.parse(validate.stdout) as { diagnostics: unknown[] }).diagnostics;
writeFileSync(join(rangesDir, 'terraform-validate.json'), `${JSON.stringify({ terraform_version: version, diagnostics }, null, 1)}\n`);
process.stdout.write(`recorded ${diagnostics.length} validate diagnostics for ${failing.length} failing expressions\n`);
