// Compares the embedded validator with the real `terraform validate -json` on Terraform nobody tuned it to.
//
//   tsx scripts/compare-terraform-validate.ts [options] <dir>...
//       each <dir> is a root module (it holds *.tf files) or a folder of root modules (its subfolders that do)
//   tsx scripts/compare-terraform-validate.ts [options] --markdown <terraform-provider-aws checkout>
//       the ```terraform blocks of website/docs/{r,d}/*.markdown, each as main.tf of its own root module in a
//       temporary folder (removed afterwards). The checkout may be a work tree or a bare git directory (then the
//       docs are read from --ref, default HEAD).
//   npm run bench:validate-heldout -- <checkout>    (= the --markdown mode)
//
// Options: --sample N (default 300; 0 = all) examples chosen by a seeded shuffle (--seed S, default 1), so runs are
// repeatable; --jobs N terraform runs at once (default 2); --cache DIR keeps terraform's answer per example content
// (default ~/.cache/iacpac/compare-terraform-validate; --no-cache to disable) so re-runs after a validator change only
// re-run the embedded side; --json prints the summary as JSON; --quiet omits the list of disagreements.
//
// Terraform (1.11.4 on PATH, providers from --plugin-dir, default /opt/tf-plugins) is initialised once in a template
// folder; every example gets a symlink to that .terraform and a copy of its lock file, then `validate -json` (never
// apply, no network). Examples needing a provider the template lacks (Terraform: "Missing required provider" or an
// inconsistent lock file) are counted apart and left out of the agreement figures. Without terraform on PATH the script
// says so and exits 0.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { findBinary } from '../src/backends/find-binary.ts';
import { runCommand } from '../src/backends/run-command.ts';
import type { Diagnostic, ValidateResult } from '../src/core/diagnostics.ts';
import { loadBundledSchemas } from '../src/schema/bundled.ts';
import { comparableSummary } from '../src/validate/diagnostic.ts';
import { validateDirectory } from '../src/validate/validate-directory.ts';
import { seededRandom as seeded } from '../src/core/seeded-random.ts';

interface Example {
  /** Where it came from: a folder, or `docs/r/<page>.html.markdown#<n>`. */
  id: string;
  /** File name → content. */
  files: Record<string, string>;
}

interface Options {
  markdown?: string;
  ref: string;
  dirs: string[];
  sample: number;
  seed: number;
  jobs: number;
  cache?: string;
  pluginDir: string;
  json: boolean;
  quiet: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    ref: 'HEAD',
    dirs: [],
    sample: 300,
    seed: 1,
    jobs: 2,
    cache: join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'iacpac', 'compare-terraform-validate'),
    pluginDir: process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins',
    json: false,
    quiet: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--markdown') options.markdown = value(i++, arg);
    else if (arg === '--ref') options.ref = value(i++, arg);
    else if (arg === '--sample') options.sample = Number(value(i++, arg));
    else if (arg === '--seed') options.seed = Number(value(i++, arg));
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(value(i++, arg)));
    else if (arg === '--cache') options.cache = value(i++, arg);
    else if (arg === '--no-cache') delete options.cache;
    else if (arg === '--plugin-dir') options.pluginDir = value(i++, arg);
    else if (arg === '--json') options.json = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.dirs.push(arg);
  }
  if (!options.markdown && options.dirs.length === 0) {
    throw new Error('usage: compare-terraform-validate.ts [--sample N] [--seed S] [--jobs N] (--markdown <provider checkout> | <dir>...)');
  }
  if (!Number.isInteger(options.sample) || options.sample < 0) throw new Error('--sample takes a whole number ≥ 0');
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

/** The fenced ```terraform blocks of a markdown page, in order. */
export function terraformBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```terraform[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) blocks.push(match[1] as string);
  return blocks;
}

function docsPages(checkout: string, ref: string): Map<string, string> {
  const pages = new Map<string, string>();
  const docs = join(checkout, 'website', 'docs');
  const isPage = (name: string) => name.endsWith('.markdown');
  if (existsSync(docs)) {
    for (const kind of ['r', 'd']) {
      const dir = join(docs, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter(isPage).sort()) pages.set(`docs/${kind}/${name}`, readFileSync(join(dir, name), 'utf8'));
    }
    return pages;
  }
  // A bare git directory (or a checkout without a work tree): read the pages at `ref`.
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', checkout, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  let listing: string;
  try {
    listing = git('ls-tree', '--name-only', ref, 'website/docs/r/', 'website/docs/d/');
  } catch {
    throw new Error(`${checkout}: neither website/docs nor a git directory with website/docs at ${ref}; pass a terraform-provider-aws checkout`);
  }
  for (const path of listing.split('\n').filter(isPage).sort()) {
    pages.set(path.replace(/^website\//, ''), git('show', `${ref}:${path}`));
  }
  return pages;
}

function markdownExamples(checkout: string, ref: string): Example[] {
  const examples: Example[] = [];
  for (const [page, text] of docsPages(checkout, ref)) {
    terraformBlocks(text).forEach((block, n) => examples.push({ id: `${page}#${n + 1}`, files: { 'main.tf': block } }));
  }
  return examples;
}

function directoryExamples(dirs: string[]): Example[] {
  const examples: Example[] = [];
  const tfFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'));
  const add = (dir: string) =>
    examples.push({ id: relative(process.cwd(), dir) || '.', files: Object.fromEntries(tfFiles(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')])) });
  for (const root of dirs.map((d) => resolve(d))) {
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`${root}: not a directory`);
    if (tfFiles(root).length > 0) {
      add(root);
      continue;
    }
    for (const entry of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      if (tfFiles(join(root, entry)).length > 0) add(join(root, entry));
    }
  }
  return examples;
}


function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (size === 0 || size >= items.length) return [...items];
  const random = seeded(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, size);
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform

async function initTemplate(terraform: string, pluginDir: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n');
  const init = await runCommand(terraform, ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${resolve(pluginDir)}`], {
    cwd: dir,
    env: terraformEnv(),
    timeoutMs: 300_000,
  });
  if (init.code !== 0) throw new Error(`terraform init in ${dir} failed: ${(init.stderr || init.stdout).trim().split('\n')[0]}`);
}

function terraformEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
}

async function terraformValidate(terraform: string, template: string, dir: string): Promise<ValidateResult> {
  symlinkSync(join(template, '.terraform'), join(dir, '.terraform'));
  copyFileSync(join(template, '.terraform.lock.hcl'), join(dir, '.terraform.lock.hcl'));
  const run = await runCommand(terraform, ['validate', '-json', '-no-color'], { cwd: dir, env: terraformEnv(), timeoutMs: 300_000 });
  try {
    return JSON.parse(run.stdout) as ValidateResult;
  } catch {
    throw new Error(`terraform validate in ${dir} printed no JSON (exit ${run.code}): ${run.stderr.trim().split('\n')[0] ?? ''}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

/**
 * The earliest error by file position (Terraform's own order follows its concurrent graph walk, and several errors
 * at one position, such as missing blocks, come in varying order): ties are broken by summary.
 */
function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  const position = (d: Diagnostic): [string, number] => (d.range ? [d.range.filename, d.range.start.byte] : ['', -1]);
  return diagnostics
    .filter((d) => d.severity === 'error')
    .sort((a, b) => {
      const [fa, ba] = position(a);
      const [fb, bb] = position(b);
      return fa < fb ? -1 : fa > fb ? 1 : ba !== bb ? ba - bb : a.summary < b.summary ? -1 : a.summary > b.summary ? 1 : 0;
    })[0];
}

function describeError(d: Diagnostic | undefined): string {
  if (!d) return '(none)';
  const where = d.range ? ` @ ${d.range.filename}:${d.range.start.line}` : '';
  const detail = d.detail ? ` — ${d.detail.split('\n')[0]?.slice(0, 160)}` : '';
  return `${d.summary}${where}${detail}`;
}

/** Terraform could not check the example with the template's providers: not a verdict on the configuration. */
function needsOtherProviders(result: ValidateResult): string | undefined {
  const d = result.diagnostics.find(
    (x) => x.severity === 'error' && /^(Missing required provider|Inconsistent dependency lock file|Failed to load plugin schemas|Module not installed)$/.test(x.summary),
  );
  return d ? d.summary : undefined;
}

interface Row {
  id: string;
  terraform: ValidateResult;
  embedded: ValidateResult;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const terraform = findBinary('terraform');
  if (!terraform) {
    process.stdout.write('compare-terraform-validate: terraform is not on PATH; nothing compared (install Terraform 1.11.4 to run it)\n');
    return;
  }
  const all = [...(options.markdown ? markdownExamples(resolve(options.markdown), options.ref) : []), ...directoryExamples(options.dirs)];
  const chosen = sample(all, options.sample, options.seed);
  const scratch = mkdtempSync(join(tmpdir(), 'iacpac-compare-validate-'));
  const schemas = loadBundledSchemas();
  const started = performance.now();
  const rows: Row[] = [];
  const unavailable: { id: string; reason: string }[] = [];
  let cached = 0;
  try {
    const template = join(scratch, 'template');
    await initTemplate(terraform, options.pluginDir, template);
    if (options.cache) mkdirSync(options.cache, { recursive: true });
    const versionLine = execFileSync(terraform, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? '';

    let next = 0;
    const worker = async () => {
      while (next < chosen.length) {
        const index = next++;
        const example = chosen[index] as Example;
        const dir = join(scratch, `example-${index}`);
        mkdirSync(dir);
        for (const [name, content] of Object.entries(example.files)) writeFileSync(join(dir, name), content);
        const key = createHash('sha256').update(versionLine).update(JSON.stringify(Object.entries(example.files).sort())).digest('hex');
        const cacheFile = options.cache ? join(options.cache, `${key}.json`) : undefined;
        let tf: ValidateResult;
        if (cacheFile && existsSync(cacheFile)) {
          tf = JSON.parse(readFileSync(cacheFile, 'utf8')) as ValidateResult;
          cached++;
        } else {
          tf = await terraformValidate(terraform, template, dir);
          if (cacheFile) writeFileSync(cacheFile, JSON.stringify(tf));
          rmSync(join(dir, '.terraform'));
          rmSync(join(dir, '.terraform.lock.hcl'));
        }
        const reason = needsOtherProviders(tf);
        if (reason) {
          unavailable.push({ id: example.id, reason });
          continue;
        }
        let embedded: ValidateResult;
        try {
          embedded = await validateDirectory(dir, { schemas });
        } catch (error) {
          const summary = `embedded validator threw: ${(error as Error).message.split('\n')[0]}`;
          embedded = { format_version: '1.0', valid: false, error_count: 1, warning_count: 0, diagnostics: [{ severity: 'error', summary, detail: '' }] };
        }
        rows.push({ id: example.id, terraform: tf, embedded });
      }
    };
    await Promise.all(Array.from({ length: options.jobs }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

  let verdictAgree = 0;
  let bothInvalid = 0;
  let firstErrorAgree = 0;
  const falseValid: string[] = [];
  const falseInvalid: string[] = [];
  const firstErrorDiffers: string[] = [];
  for (const row of rows) {
    const tfFirst = firstError(row.terraform.diagnostics);
    const ourFirst = firstError(row.embedded.diagnostics);
    const line = `${row.id}: ours ${row.embedded.valid ? 'valid' : `[${describeError(ourFirst)}]`} | terraform ${row.terraform.valid ? 'valid' : `[${describeError(tfFirst)}]`}`;
    if (row.terraform.valid === row.embedded.valid) verdictAgree++;
    else (row.embedded.valid ? falseValid : falseInvalid).push(line);
    if (!row.terraform.valid && !row.embedded.valid) {
      bothInvalid++;
      if (tfFirst && ourFirst ? comparableSummary(tfFirst.summary) === comparableSummary(ourFirst.summary) : tfFirst === ourFirst) firstErrorAgree++;
      else firstErrorDiffers.push(line);
    }
  }
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    corpus: options.markdown ? `${options.markdown} (${options.ref}) docs/{r,d} terraform blocks` : options.dirs.join(' '),
    examples_total: all.length,
    sampled: chosen.length,
    seed: options.seed,
    needs_other_providers: unavailable.length,
    compared: rows.length,
    terraform_valid: rows.filter((r) => r.terraform.valid).length,
    verdict_agreement: { agree: verdictAgree, of: rows.length },
    first_error_summary_agreement: { agree: firstErrorAgree, of: bothInvalid },
    false_valid: falseValid.length,
    false_invalid: falseInvalid.length,
    terraform_cached: cached,
    seconds: Math.round(seconds),
  };
  if (options.json) {
    process.stdout.write(JSON.stringify({ ...summary, disagreements: { falseValid, falseInvalid, firstErrorDiffers }, unavailable }, null, 2) + '\n');
    return;
  }
  const out: string[] = [];
  out.push(`corpus: ${summary.corpus}: ${all.length} examples, ${chosen.length} sampled (seed ${options.seed})`);
  out.push(`left out: ${unavailable.length} need providers or modules the shared init lacks (${[...new Set(unavailable.map((u) => u.reason))].join(', ') || '-'})`);
  out.push(`compared: ${rows.length} (terraform: ${summary.terraform_valid} valid, ${rows.length - summary.terraform_valid} invalid)`);
  out.push(`verdict agreement: ${verdictAgree}/${rows.length} = ${pct(verdictAgree, rows.length)} (false valid ${falseValid.length}, false invalid ${falseInvalid.length})`);
  out.push(`first-error summary agreement (both invalid): ${firstErrorAgree}/${bothInvalid} = ${pct(firstErrorAgree, bothInvalid)}`);
  out.push(`time: ${summary.seconds} s (${cached} terraform results from the cache)`);
  if (!options.quiet) {
    const section = (title: string, lines: string[]) => {
      if (lines.length === 0) return;
      out.push('', `${title} (${lines.length}):`, ...lines.map((l) => `  ${l}`));
    };
    section('false valid: terraform invalid, ours valid', falseValid);
    section('false invalid: terraform valid, ours invalid', falseInvalid);
    section('first error differs', firstErrorDiffers);
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (basename(process.argv[1] ?? '') === 'compare-terraform-validate.ts') {
  main().catch((error: unknown) => {
    process.stderr.write(`compare-terraform-validate: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
