// The README's quick start shows exactly what `iacpac check examples/insecure-s3` prints (regenerate with
// `npx tsx scripts/gen-readme-demo.ts`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ARGS, readmeDemoSection } from '../../scripts/gen-readme-demo.ts';
import { readSection } from '../../scripts/markdown-section.ts';
import { iacpac, plainEnv, ROOT } from '../helpers/cli.ts';

describe('README quick start', () => {
  it('shows the demo output as the CLI prints it today', async () => {
    const run = await iacpac(DEMO_ARGS, { env: plainEnv() });
    expect(run.code, run.stderr).toBe(1);
    const section = readSection(join(ROOT, 'README.md'), 'readme-demo');
    const expected = `<!-- BEGIN readme-demo -->\n${readmeDemoSection(run.stdout)}\n<!-- END readme-demo -->`;
    expect(section, 'README.md is stale: run npx tsx scripts/gen-readme-demo.ts').toBe(expected);
  });
});
