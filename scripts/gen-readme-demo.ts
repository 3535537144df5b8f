// Regenerates the README's quick-start demo (the `<!-- BEGIN readme-demo -->` section): the real output of
// `iacpac check examples/insecure-s3`, and the size of the policy library it runs. test/meta/readme-demo.test.ts
// fails when the README no longer shows what the command prints.
//   npx tsx scripts/gen-readme-demo.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iacpac, plainEnv, ROOT } from '../test/helpers/cli.ts';
import { withSection } from './markdown-section.ts';

export const DEMO_ARGS = ['check', 'examples/insecure-s3'];

/** The README section for the demo's output. */
export function readmeDemoSection(stdout: string): string {
  const policies = /\((\d+) resources?, (\d+) policies\)/.exec(stdout)?.[2];
  if (!policies) throw new Error('gen-readme-demo: the demo printed no "(N resources, M policies)" line');
  return [
    'The demo validates the bundled configuration offline (no provider binaries, no credentials), synthesises its',
    `plan and runs the ${policies}-policy library over it; it exits 1 because there are findings:`,
    '',
    '```text',
    `$ npx iacpac ${DEMO_ARGS.join(' ')}`,
    stdout.trimEnd(),
    '```',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const run = await iacpac(DEMO_ARGS, { env: plainEnv() });
  if (run.code !== 1) throw new Error(`gen-readme-demo: the demo exited ${run.code}, expected 1 (findings): ${run.stderr}`);
  const file = join(ROOT, 'README.md');
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), 'readme-demo', readmeDemoSection(run.stdout)));
  console.log('README.md: demo section regenerated');
}
