// The scanning path stays lean (issue 15): `iacpac check` on a folder, run from the bundle as installed, loads none of
// the LLM, chart or knowledge-base dependencies (the generator's and the report's), which would cost start-up time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

const BIN = join(ROOT, 'bin', 'iacpac.js');

// A loader hook (registered by --import) that lists every file URL the process loads.
const RECORDER = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.IACPAC_LOADED_FILE, url + '\\\\n');
  return next(url, context);
}
\`));
`)}`;

// `yaml` too: it is loaded on first use (`core/yaml-lib.ts`), and a check reads no YAML (METADATA parses are precomputed);
// and `zod`: a check without a config file, a baseline or user policies validates nothing with it (`core/zod-lib.ts`).
const HEAVY = ['ai', '@ai-sdk', 'vega', 'vega-lite', '@resvg', 'minisearch', 'hyparquet', 'csv-parse', 'yaml', 'zod'];

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli.js')))('the scanning path (bundle)', () => {
  it('check on a folder loads no LLM, chart, knowledge-base, YAML or zod module', () => {
    const work = mkdtempSync(join(tmpdir(), 'iacpac-lean-'));
    writeFileSync(join(work, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-lean"\n}\n');
    const loaded = join(work, 'loaded.txt');
    const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, 'check', work], {
      env: { ...process.env, IACPAC_LOADED_FILE: loaded, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(1); // the bucket has findings
    const packages = new Set(
      readFileSync(loaded, 'utf8')
        .split('\n')
        .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    expect([...packages].filter((name) => HEAVY.some((heavy) => name === heavy || name.startsWith(`${heavy}/`)))).toEqual([]);
    // Nor our own generator code: esbuild marks each source file's part of a chunk with a \`// src/...\` line.
    const chunks = readFileSync(loaded, 'utf8')
      .split('\n')
      .filter((url) => url.includes('/dist/'));
    expect(chunks.length).toBeGreaterThan(1); // the recorder works (a clean check loads no package from node_modules)
    // A chunk that runs as a script with V8's code cache (scripts/build.mjs: scriptWithCodeCache) is a small ES module
    // that runs `<name>.cjs`: its code is there.
    const code = (url: string): string => {
      const own = readFileSync(new URL(url), 'utf8');
      const script = /new URL\("(\.\/[\w-]+\.cjs)", import\.meta\.url\)/.exec(own)?.[1];
      return script === undefined ? own : own + readFileSync(new URL(script, url), 'utf8');
    };
    const sources = chunks.flatMap((url) => code(url).match(/^\/\/ src\/\S+$/gm) ?? []);
    expect(sources).toContain('// src/scan/scanner.ts');
    expect(sources.filter((line) => /^\/\/ src\/(llm|agents|generate|kb|bench|report)\//.test(line))).toEqual([]);
  });
});
