// The npm package as a consumer gets it: `npm pack` (which builds dist/ and the type declarations), then publint and
// are-the-types-wrong on the tarball, a TypeScript consumer type-checked against the packed declarations (the
// examples of docs/api.md), the packed CLI run, and the scanning path loading no LLM or chart library.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsExamples } from '../helpers/markdown.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'iacpac-pack-'));
// Inside the repository so the packed package resolves its dependencies from the repository's node_modules.
const consumer = join(root, '.scratch', `consumer-${process.pid}`);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(consumer, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The fresh-clone e2e test runs the whole suite again inside a clone of the same commit; packing twice there adds
// minutes and checks nothing new, so the inner run leaves this file to the outer one.
const inner = process.env.IACPAC_FRESH_CLONE_INNER === '1';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let tarball = '';
let files: string[] = [];
const packed = join(consumer, 'node_modules', 'iacpac');

beforeAll(async () => {
  if (inner) return;
  const pack = await run('npm', ['pack', '--silent', '--pack-destination', work]);
  expect(pack.code, pack.stderr).toBe(0);
  tarball = join(work, pack.stdout.trim().split('\n').at(-1) ?? '');
  mkdirSync(packed, { recursive: true });
  const untar = await run('tar', ['xzf', tarball, '-C', packed, '--strip-components=1']);
  expect(untar.code, untar.stderr).toBe(0);
  const list = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
  files = list(packed);
}, 10 * 60_000);

describe.skipIf(inner)('the npm package', () => {
  it('holds the bundle, the worker, the type declarations and the run-time data, and no source maps or tests', () => {
    for (const file of ['dist/index.js', 'dist/cli.js', 'dist/root-worker.js', 'dist/hcl-syntax.wasm', 'dist/types/index.d.ts', 'bin/iacpac.js', 'policies/index.json', 'assets/policies/metadata-yaml.json', 'assets/policies/library.json', 'LICENSE', 'README.md']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.test\.ts$|^src\//.test(f))).toEqual([]);
  });

  it('names its repository, home page and issue tracker, and runs no install scripts', () => {
    const manifest = JSON.parse(readFileSync(join(packed, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
    expect(manifest.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//) });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[hook]).toBeUndefined();
    // nor does any dependency a consumer installs (the lock file marks packages with install scripts)
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }> };
    expect(Object.entries(lock.packages).filter(([name, p]) => name && !p.dev && p.hasInstallScript).map(([name]) => name)).toEqual([]);
  });

  it('passes publint', async () => {
    const result = await run(bin('publint'), ['run', packed, '--pack', 'false', '--strict']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 120_000);

  it('passes are-the-types-wrong (ESM with types, for node16 and bundlers)', async () => {
    const result = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json']);
    expect(result.code, result.stdout.slice(0, 3000) + result.stderr).toBe(0);
  }, 300_000);

  it('type-checks a TypeScript consumer (the docs/api.md examples) against the packed declarations', async () => {
    const examples = tsExamples(readFileSync(join(root, 'docs', 'api.md'), 'utf8'));
    examples.forEach((e, i) => writeFileSync(join(consumer, `example-${i}.mts`), e.code));
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
        include: ['*.mts'],
      }),
    );
    const result = await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer]);
    // Only our declarations and the consumer count: a dependency's own .d.ts problems are not ours to fix.
    const ours = result.stdout.split('\n').filter((l) => /error TS/.test(l) && (!l.includes('node_modules/') || l.includes('node_modules/iacpac/')));
    expect(ours).toEqual([]);
  }, 300_000);

  it('runs from the package: the CLI and the library', async () => {
    const cli = await run(process.execPath, [join(packed, 'bin', 'iacpac.js'), 'check', 'examples/insecure-s3', '--severity', 'high', '-q']);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toContain('HIGH     IACPAC_AWS_S3_016');
    const script = join(consumer, 'use.mjs');
    writeFileSync(script, "import { validate } from 'iacpac';\nconsole.log((await validate(process.argv[2])).valid);\n");
    const lib = await run(process.execPath, [script, join(root, 'examples', 'typo-web')]);
    expect(lib.stdout.trim(), lib.stderr).toBe('false');
  }, 120_000);

  it('loads no LLM, chart or dataset library when it scans', async () => {
    const hooks = join(consumer, 'trace-hooks.mjs');
    writeFileSync(hooks, "export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/node_modules/')) process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n");
    const register = join(consumer, 'trace-register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const result = await run(process.execPath, ['--import', register, join(packed, 'bin', 'iacpac.js'), 'check', 'examples/insecure-s3', '-q']);
    const loaded = result.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1]);
    expect(loaded).toContain('iacpac'); // the hook works (the installed package's own files)
    for (const heavy of ['ai', '@ai-sdk/openai', '@ai-sdk/anthropic', 'vega', 'vega-lite', '@resvg/resvg-js', 'minisearch', 'hyparquet', 'csv-parse', 'zod']) {
      expect(loaded).not.toContain(heavy);
    }
  }, 120_000);
});
