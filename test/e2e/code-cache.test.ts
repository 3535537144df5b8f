// The start-up and scanning chunks run from V8's code cache (scripts/build.mjs: scriptWithCodeCache), which saves a
// one-folder `check` ~0.07 s CPU of compiling. V8 silently compiles from source when it rejects the data (another V8, other
// flags at compile time), so this checks, on the CLI as built, that the data is offered and accepted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

// Preloaded: reports what V8 did with the cached data of every script compiled from dist/*.cjs.
const REPORTER = `data:text/javascript,${encodeURIComponent(`
import { syncBuiltinESMExports } from 'node:module';
import vm from 'node:vm';
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    if (options?.filename?.endsWith('.cjs')) process.stderr.write('CODE-CACHE ' + options.filename + ' ' + (options.cachedData === undefined ? 'none' : this.cachedDataRejected ? 'rejected' : 'accepted') + '\\n');
  }
};
syncBuiltinESMExports();
`)}`;

describe.skipIf(!existsSync(join(ROOT, 'dist', 'scanning.cjs')))('the code cache of the bundle', () => {
  it('is offered and accepted when check loads the start-up and scanning chunks', () => {
    const work = mkdtempSync(join(tmpdir(), 'iacpac-code-cache-'));
    writeFileSync(join(work, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-cache"\n}\n');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['NODE_OPTIONS'];
    const run = spawnSync(process.execPath, ['--import', REPORTER, join(ROOT, 'bin', 'iacpac.js'), 'check', work], { env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(1); // the bucket has findings
    const reports = run.stderr.split('\n').filter((line) => line.startsWith('CODE-CACHE '));
    expect(reports).toEqual(['startup', 'scanning'].map((name) => `CODE-CACHE ${join(ROOT, 'dist', `${name}.cjs`)} accepted`));
  });
});
