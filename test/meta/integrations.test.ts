// The CI integrations: the composite GitHub Action (action.yml), the pre-commit hooks (.pre-commit-hooks.yaml, run
// through Debian's pre-commit when it is installed) and the Dockerfile (checked statically: docker cannot build here).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = join(import.meta.dirname, '..', '..');
const read = (name: string) => readFileSync(join(root, name), 'utf8');

// GitHub's metadata syntax for actions (docs: "Metadata syntax for GitHub Actions"), composite actions.
const id = z.string().regex(/^[_a-zA-Z][a-zA-Z0-9_-]*$/);
const step = z
  .object({
    name: z.string().optional(),
    id: id.optional(),
    if: z.string().optional(),
    uses: z.string().regex(/^[\w.-]+\/[\w./-]+@[\w.-]+$/).optional(),
    with: z.record(z.string()).optional(),
    run: z.string().optional(),
    shell: z.enum(['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell']).optional(),
    env: z.record(z.string()).optional(),
    'working-directory': z.string().optional(),
    'continue-on-error': z.union([z.boolean(), z.string()]).optional(),
  })
  .strict()
  .refine((s) => (s.run === undefined) !== (s.uses === undefined), 'a step has either run or uses')
  .refine((s) => s.run === undefined || s.shell !== undefined, 'a run step of a composite action needs shell');
const actionSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    author: z.string().optional(),
    branding: z.object({ icon: z.string(), color: z.enum(['white', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']) }).strict().optional(),
    inputs: z.record(id, z.object({ description: z.string().min(1), required: z.boolean().optional(), default: z.string().optional(), deprecationMessage: z.string().optional() }).strict()),
    outputs: z.record(id, z.object({ description: z.string().min(1), value: z.string() }).strict()),
    runs: z.object({ using: z.literal('composite'), steps: z.array(step).min(1) }).strict(),
  })
  .strict();

describe('action.yml (composite GitHub Action)', () => {
  const action = actionSchema.parse(parseYaml(read('action.yml')));
  const text = read('action.yml');

  it('follows the action metadata syntax', () => {
    expect(action.runs.using).toBe('composite');
  });

  it('references only declared inputs and step ids', () => {
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    const ids = action.runs.steps.flatMap((s) => (s.id ? [s.id] : []));
    for (const [, name] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids).toContain(name);
  });

  it('installs iacpac, runs iacpac check with a SARIF report, and uploads it to code scanning', () => {
    const runs = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm ci|npm install/);
    expect(runs).toMatch(/\$IACPAC_BIN check .*-o "sarif=\$INPUT_SARIF"/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    // inputs reach shell scripts through env, never spliced into the script text
    for (const s of action.runs.steps) expect(s.run ?? '').not.toMatch(/\$\{\{/);
  });
});

const hookSchema = z.array(
  z
    .object({
      id: id,
      name: z.string().min(1),
      description: z.string().optional(),
      entry: z.string().min(1),
      language: z.enum(['script', 'system', 'node']),
      files: z.string().optional(),
      require_serial: z.boolean().optional(),
      pass_filenames: z.boolean().optional(),
    })
    .strict(),
);

describe('.pre-commit-hooks.yaml', () => {
  const hooks = hookSchema.parse(parseYaml(read('.pre-commit-hooks.yaml')));

  it('offers iacpac-check and iacpac-validate, with executable entries and valid file patterns', () => {
    expect(hooks.map((h) => h.id)).toEqual(['iacpac-check', 'iacpac-validate']);
    for (const hook of hooks) {
      const script = hook.entry.split(' ')[0] as string;
      expect(statSync(join(root, script)).mode & 0o111).not.toBe(0);
      const files = new RegExp(hook.files ?? '');
      expect(['main.tf', 'x.tf.json', 'prod.tfvars'].every((f) => files.test(f))).toBe(true);
      expect(files.test('README.md')).toBe(false);
    }
  });

  // The fresh-clone test's inner run (the same commit again) leaves the slow pre-commit run to the outer one.
  const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0 && process.env.IACPAC_FRESH_CLONE_INNER !== '1';
  describe.skipIf(!hasPreCommit)('run through pre-commit (skips where pre-commit is not installed)', () => {
    const work = mkdtempSync(join(tmpdir(), 'iacpac-pre-commit-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('iacpac-check fails a commit that adds a public bucket; iacpac-validate passes it (valid Terraform)', async () => {
      const git = (...args: string[]) => spawnSync('git', args, { cwd: work, encoding: 'utf8' });
      git('init', '-q');
      mkdirSync(join(work, 'infra'));
      writeFileSync(join(work, 'infra', 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\n');
      git('add', '-A');
      const env = { ...process.env, PRE_COMMIT_HOME: join(work, '.cache'), NO_COLOR: '1' };
      const run = (...args: string[]) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn('pre-commit', ['try-repo', root, ...args, '--all-files'], { cwd: work, env });
          let output = '';
          child.stdout.on('data', (c: Buffer) => (output += c.toString()));
          child.stderr.on('data', (c: Buffer) => (output += c.toString()));
          child.on('close', (code) => resolve({ code, output }));
        });
      const failing = await run('iacpac-check', '--verbose');
      expect(failing.code, failing.output.slice(-3000)).toBe(1);
      expect(failing.output).toContain('HIGH     IACPAC_AWS_S3_016  aws_s3_bucket.b:1');
      const validate = await run('iacpac-validate');
      expect(validate.code, validate.output.slice(-3000)).toBe(0);
    }, 15 * 60_000);
  });
});

describe('Dockerfile (static checks; docker cannot build here)', () => {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const instructions = lines.map((l) => {
    const [keyword = '', ...rest] = l.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
  const stages = instructions.reduce<Array<typeof instructions>>((all, i) => (i.keyword === 'FROM' ? [...all, [i]] : (all.at(-1)?.push(i), all)), []);
  const final = stages.at(-1) ?? [];

  it('builds in one stage and runs from a slim Node 20 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^node:20[\w.-]*-slim\b/);
  });

  it('runs as a non-root user with an exec-form entrypoint', () => {
    const users = final.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const entry = final.find((i) => i.keyword === 'ENTRYPOINT');
    expect(JSON.parse(entry?.args ?? 'null')).toEqual(['iacpac']);
  });

  it('copies only what exists, with the lock file, and never fetches with ADD', () => {
    expect(instructions.some((i) => i.keyword === 'ADD')).toBe(false);
    for (const copy of instructions.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(join(root, source)), source).toBe(true);
    }
    expect(instructions.some((i) => i.keyword === 'RUN' && /npm ci\b/.test(i.args))).toBe(true);
    // what the package needs at run time is in the image
    for (const needed of ['dist', 'bin', 'policies', 'assets', 'node_modules', 'package.json']) {
      expect(final.some((i) => i.keyword === 'COPY' && i.args.split(/\s+/).some((a) => a.includes(needed)))).toBe(true);
    }
  });

  it('keeps the build context small (.dockerignore)', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const name of ['.git', 'node_modules', 'dist']) expect(ignored).toContain(name);
  });
});
