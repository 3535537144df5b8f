// Derives broken variants of the IaC-Eval reference outputs (one per reference Terraform validated as
// valid, rotating through the mutation kinds) and records what real `terraform validate -json` says about
// each, as the committed baseline bench/baselines/validate-mutations.jsonl that `npm run bench:validate`
// compares the embedded validator with (where Terraform is absent, too).
//
//   tsx scripts/mutate-references.ts [--jobs 2] [--limit N] [--keep]   (needs terraform + /opt/tf-plugins)
//   --keep  keep the recorded rows of unchanged variants and run terraform on new or changed ones only
//   --batch N  validate N variants per terraform run, each as a module of one root (see recordBatched)
//
// Terraform is initialised once in a scratch folder; every variant folder links to its `.terraform` and
// copies its lock file, so each variant costs one `validate` (run a few in parallel).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBinary } from '../src/backends/find-binary.ts';
import { runCommand } from '../src/backends/run-command.ts';
import type { Attribute, Block, Expression, HclFile, ScopeTraversalExpr } from '../src/hcl/ast.ts';
import { parseHclFile } from '../src/hcl/parse.ts';
import { loadBundledSchemas } from '../src/schema/bundled.ts';
import type { SchemaBlock } from '../src/schema/provider-schema.ts';
import { walkExpression } from '../src/validate/walk-expression.ts';
import { PROVIDER_CHECK_MUTATORS } from './provider-checks/provider-check-mutators.ts';
import { readReferences, readTerraformResults, referenceFiles, writeFolder, type RecordedDiagnostic } from './iac-eval-references.ts';

export const MUTATIONS_BASELINE = 'bench/baselines/validate-mutations.jsonl';

export interface Mutation {
  id: string;
  index: number;
  kind: string;
  description: string;
  files: Record<string, string>;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Mutator = (file: HclFile) => { description: string; edits: Edit[] } | undefined;

const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'dynamic']);

function resources(file: HclFile, type: 'resource' | 'data' = 'resource'): Block[] {
  return file.body.blocks.filter((b) => b.type === type && b.labels.length === 2);
}

function schemaOf(block: Block): SchemaBlock | undefined {
  return loadBundledSchemas().resourceSchema('aws', block.labels[0] ?? '', block.type === 'data' ? 'data' : 'managed')?.block;
}

function attributes(block: Block): Attribute[] {
  return block.body.attributes.filter((a) => !META.has(a.name));
}

/** Byte span of whole lines covering [start, end). */
function lineSpan(bytes: Buffer, start: number, end: number): [number, number] {
  const lineStart = bytes.lastIndexOf(0x0a, start - 1) + 1;
  const newline = bytes.indexOf(0x0a, end);
  return [lineStart, newline < 0 ? bytes.length : newline + 1];
}

function misspell(name: string, variant: number): string {
  if (variant % 3 === 0) return name.slice(0, -1); // drop the last character
  if (variant % 3 === 1) {
    const i = Math.floor(name.length / 2);
    return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2); // swap two characters
  }
  return `${name}_config`; // a plausible but unknown name
}

function stringLiteralAttributes(file: HclFile): Array<{ block: Block; attribute: Attribute }> {
  const out: Array<{ block: Block; attribute: Attribute }> = [];
  for (const block of resources(file)) {
    const schema = schemaOf(block);
    for (const attribute of attributes(block)) {
      const type = schema?.attributes?.[attribute.name]?.type;
      if (type === 'string' && attribute.expr.kind === 'literal' && typeof attribute.expr.value === 'string') out.push({ block, attribute });
    }
  }
  return out;
}

function resourceTraversals(file: HclFile): ScopeTraversalExpr[] {
  const declared = new Set(resources(file).map((b) => b.labels[0]));
  const out: ScopeTraversalExpr[] = [];
  const visit = (expr: Expression) => walkExpression(expr, { traversal: (t) => void (declared.has(t.root) && t.steps.length >= 2 && out.push(t)) });
  const visitBody = (block: Block) => {
    for (const attribute of block.body.attributes) visit(attribute.expr);
    for (const child of block.body.blocks) visitBody(child);
  };
  for (const block of file.body.blocks) visitBody(block);
  return out;
}

const MUTATORS: Array<[string, Mutator]> = [
  [
    'drop-required-argument',
    (file) => {
      for (const block of resources(file)) {
        const required = Object.entries(schemaOf(block)?.attributes ?? {}).filter(([, a]) => a.required).map(([n]) => n);
        const attribute = attributes(block).find((a) => required.includes(a.name));
        if (attribute) return { description: `remove required argument ${attribute.name} from ${block.labels.join('.')}`, edits: [{ start: -1, end: -1, text: `${attribute.range.start.byte}:${attribute.range.end.byte}` }] };
      }
      return undefined;
    },
  ],
  [
    'misspell-argument',
    (file) => {
      for (const block of resources(file)) {
        const attribute = attributes(block).find((a) => a.name.length >= 4);
        if (attribute) {
          const name = misspell(attribute.name, block.range.start.byte);
          return { description: `rename argument ${attribute.name} to ${name} in ${block.labels.join('.')}`, edits: [{ start: attribute.nameRange.start.byte, end: attribute.nameRange.end.byte, text: name }] };
        }
      }
      return undefined;
    },
  ],
  [
    'misspell-block',
    (file) => {
      for (const block of resources(file)) {
        const nested = block.body.blocks.find((b) => !META.has(b.type) && b.type.length >= 4);
        if (nested) {
          const name = misspell(nested.type, block.range.start.byte);
          return { description: `rename block ${nested.type} to ${name} in ${block.labels.join('.')}`, edits: [{ start: nested.typeRange.start.byte, end: nested.typeRange.end.byte, text: name }] };
        }
      }
      return undefined;
    },
  ],
  [
    'undeclared-resource-reference',
    (file) => {
      const traversal = resourceTraversals(file)[0];
      const step = traversal?.steps[0];
      if (!traversal || step?.kind !== 'attr') return undefined;
      return { description: `reference ${traversal.root}.${step.name}_missing`, edits: [{ start: step.range.start.byte, end: step.range.end.byte, text: `.${step.name}_missing` }] };
    },
  ],
  [
    'undeclared-variable',
    (file) => {
      const target = stringLiteralAttributes(file)[0];
      if (!target) return undefined;
      return { description: `set ${target.attribute.name} to var.undeclared_input`, edits: [{ start: target.attribute.expr.range.start.byte, end: target.attribute.expr.range.end.byte, text: 'var.undeclared_input' }] };
    },
  ],
  [
    'wrong-literal-type',
    (file) => {
      for (const block of resources(file)) {
        const schema = schemaOf(block);
        for (const attribute of attributes(block)) {
          const type = schema?.attributes?.[attribute.name]?.type;
          const expr = attribute.expr;
          if (expr.kind !== 'literal') continue;
          const edit = (text: string) => ({ description: `set ${attribute.name} to ${text}`, edits: [{ start: expr.range.start.byte, end: expr.range.end.byte, text }] });
          if (type === 'bool') return edit('"maybe"');
          if (type === 'number') return edit('"many"');
          if (type === 'string') return edit('["a", "b"]');
          if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return edit('"not-a-list"');
        }
      }
      return undefined;
    },
  ],
  [
    'unbalanced-brace',
    (file) => {
      const block = file.body.blocks[file.body.blocks.length - 1];
      const close = block?.body.endRange;
      if (!block || !close) return undefined;
      return { description: `remove the closing brace of ${[block.type, ...block.labels].join(' ')}`, edits: [{ start: close.start.byte, end: close.end.byte, text: '' }] };
    },
  ],
  [
    'duplicate-resource',
    (file) => {
      const block = resources(file)[0];
      if (!block) return undefined;
      const text = Buffer.from(file.source, 'utf8').subarray(block.range.start.byte, block.range.end.byte).toString('utf8');
      return { description: `declare ${block.labels.join('.')} twice`, edits: [{ start: Buffer.byteLength(file.source), end: Buffer.byteLength(file.source), text: `\n${text}\n` }] };
    },
  ],
  [
    'unknown-function',
    (file) => {
      const target = stringLiteralAttributes(file)[0];
      if (!target) return undefined;
      const names = ['lowercase', 'tostrng', 'jsonencod', 'to_string'];
      const name = names[target.attribute.range.start.byte % names.length] as string;
      const expr = target.attribute.expr;
      const value = Buffer.from(file.source, 'utf8').subarray(expr.range.start.byte, expr.range.end.byte).toString('utf8');
      return { description: `wrap ${target.attribute.name} in ${name}()`, edits: [{ start: expr.range.start.byte, end: expr.range.end.byte, text: `${name}(${value})` }] };
    },
  ],
  [
    'wrong-argument-count',
    (file) => {
      const target = stringLiteralAttributes(file)[0];
      if (!target) return undefined;
      const expr = target.attribute.expr;
      const value = Buffer.from(file.source, 'utf8').subarray(expr.range.start.byte, expr.range.end.byte).toString('utf8');
      const text = target.attribute.range.start.byte % 2 === 0 ? `upper(${value}, "extra")` : 'lower()';
      return { description: `set ${target.attribute.name} to ${text}`, edits: [{ start: expr.range.start.byte, end: expr.range.end.byte, text }] };
    },
  ],
  [
    'invalid-resource-type',
    (file) => {
      const block = resources(file)[0];
      const label = block?.labelRanges[0];
      if (!block || !label) return undefined;
      const type = block.labels[0] ?? '';
      const name = misspell(type, block.range.start.byte + 1);
      return { description: `rename resource type ${type} to ${name}`, edits: [{ start: label.start.byte, end: label.end.byte, text: JSON.stringify(name) }] };
    },
  ],
  [
    'count-and-for-each',
    (file) => {
      const block = resources(file).find((b) => !b.body.attributes.some((a) => a.name === 'count' || a.name === 'for_each'));
      if (!block) return undefined;
      const at = block.body.range.start.byte + 1;
      return { description: `add count and for_each to ${block.labels.join('.')}`, edits: [{ start: at, end: at, text: '\n  count    = 1\n  for_each = toset(["a"])' }] };
    },
  ],
  [
    'unsupported-attribute-reference',
    (file) => {
      const traversal = resourceTraversals(file).find((t) => t.steps[1]?.kind === 'attr');
      const step = traversal?.steps[1];
      if (!traversal || step?.kind !== 'attr') return undefined;
      return { description: `reference attribute ${step.name}x of ${traversal.root}`, edits: [{ start: step.range.start.byte, end: step.range.end.byte, text: `.${step.name}x` }] };
    },
  ],
  [
    'misspell-block-keyword',
    (file) => {
      const block = resources(file)[0];
      if (!block) return undefined;
      return { description: 'write "resorce" for "resource"', edits: [{ start: block.typeRange.start.byte, end: block.typeRange.end.byte, text: 'resorce' }] };
    },
  ],
  [
    'undeclared-local',
    (file) => {
      const target = stringLiteralAttributes(file).at(-1);
      if (!target) return undefined;
      return { description: `set ${target.attribute.name} to local.missing_value`, edits: [{ start: target.attribute.expr.range.start.byte, end: target.attribute.expr.range.end.byte, text: 'local.missing_value' }] };
    },
  ],
];

function applyEdits(source: string, edits: Edit[]): string {
  let bytes = Buffer.from(source, 'utf8');
  const resolved = edits.map((edit) => {
    if (edit.start >= 0) return edit;
    // A line deletion encoded as "start:end" of the item to remove.
    const [start, end] = edit.text.split(':').map(Number) as [number, number];
    const [lineStart, lineEnd] = lineSpan(bytes, start, end);
    return { start: lineStart, end: lineEnd, text: '' };
  });
  for (const edit of [...resolved].sort((a, b) => b.start - a.start)) {
    bytes = Buffer.concat([bytes.subarray(0, edit.start), Buffer.from(edit.text, 'utf8'), bytes.subarray(edit.end)]);
  }
  return bytes.toString('utf8');
}

/** Every mutation, deterministically: for each valid aws-only reference, the first applicable kind in rotation. */
export async function generateMutations(): Promise<Mutation[]> {
  const results = readTerraformResults();
  const out: Mutation[] = [];
  for (const row of readReferences()) {
    const recorded = results.get(row.index);
    if (!recorded?.init_ok || !recorded.valid || recorded.providers_used.some((p) => p !== 'aws')) continue;
    const file = await parseHclFile('main.tf', row.reference_output);
    if (file.syntaxErrors.length > 0) continue;
    for (let attempt = 0; attempt < MUTATORS.length; attempt++) {
      const [kind, mutate] = MUTATORS[(row.index + attempt) % MUTATORS.length] as [string, Mutator];
      const result = mutate(file);
      if (!result) continue;
      const mainTf = applyEdits(row.reference_output, result.edits);
      out.push({ id: `${row.index}-${kind}`, index: row.index, kind, description: result.description, files: referenceFiles(mainTf, recorded.version_override) });
      break;
    }
    // A second variant per reference breaks one of the provider's own argument checks (allowed values, ARNs,
    // conflicts, argument groups), rotating through those kinds too.
    for (let attempt = 0; attempt < PROVIDER_CHECK_MUTATORS.length; attempt++) {
      const [kind, mutate] = PROVIDER_CHECK_MUTATORS[(row.index + attempt) % PROVIDER_CHECK_MUTATORS.length] as [string, Mutator];
      const result = mutate(file);
      if (!result) continue;
      const mainTf = applyEdits(row.reference_output, result.edits);
      out.push({ id: `${row.index}-${kind}`, index: row.index, kind, description: result.description, files: referenceFiles(mainTf, recorded.version_override) });
      break;
    }
  }
  return out;
}

export function mutationHash(mutation: Mutation): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(mutation.files).sort()) hash.update(`${name}\0${mutation.files[name]}\0`);
  return hash.digest('hex').slice(0, 16);
}

export interface MutationBaselineRow {
  id: string;
  index: number;
  kind: string;
  description: string;
  sha: string;
  valid: boolean;
  error_count: number;
  warning_count: number;
  seconds: number;
  diagnostics: RecordedDiagnostic[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jobs = Number(args[args.indexOf('--jobs') + 1] ?? 2) || 2;
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Number.POSITIVE_INFINITY;
  const pluginDir = process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins';
  const terraform = findBinary('terraform');
  if (!terraform) throw new Error('terraform is not on PATH; the mutation baseline needs the real binary');
  let mutations = (await generateMutations()).slice(0, limit);
  // --keep: rows already recorded for an unchanged variant are kept; terraform runs on the others only.
  const kept = new Map<string, MutationBaselineRow>();
  if (args.includes('--keep') && existsSync(MUTATIONS_BASELINE)) {
    for (const line of readFileSync(MUTATIONS_BASELINE, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as MutationBaselineRow;
      kept.set(row.id, row);
    }
  }
  const all = mutations;
  mutations = all.filter((m) => kept.get(m.id)?.sha !== mutationHash(m));
  process.stdout.write(`${all.length} mutations, ${mutations.length} to run\n`);

  const scratch = join(tmpdir(), `iacpac-mutations-${process.pid}`);
  const base = join(scratch, 'base');
  writeFolder(base, { 'main.tf': 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "5.100.0"\n    }\n  }\n}\n' });
  const init = await runCommand(terraform, ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`], { cwd: base });
  if (init.code !== 0) throw new Error(`terraform init failed: ${init.stderr}`);

  const rows: MutationBaselineRow[] = new Array(mutations.length);
  const batch = args.includes('--batch') ? Number(args[args.indexOf('--batch') + 1]) || 0 : 0;
  if (batch > 1) await recordBatched(mutations, rows, batch, scratch, pluginDir, terraform);
  let next = batch > 1 ? mutations.length : 0;
  const standalone = batch > 1 ? mutations.map((_, i) => i).filter((i) => !rows[i]) : [];
  if (batch > 1) process.stdout.write(`${standalone.length} variants need a standalone run\n`);
  const worker = async () => {
    for (;;) {
      const i = batch > 1 ? standalone.shift() : next++;
      if (i === undefined) return;
      const mutation = mutations[i];
      if (!mutation) return;
      const dir = join(scratch, mutation.id);
      writeFolder(dir, mutation.files);
      symlinkSync(join(base, '.terraform'), join(dir, '.terraform'));
      copyFileSync(join(base, '.terraform.lock.hcl'), join(dir, '.terraform.lock.hcl'));
      const run = await runCommand(terraform, ['validate', '-json', '-no-color'], { cwd: dir, timeoutMs: 120_000 });
      const doc = JSON.parse(run.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: MutationBaselineRow['diagnostics'] };
      rows[i] = {
        id: mutation.id,
        index: mutation.index,
        kind: mutation.kind,
        description: mutation.description,
        sha: mutationHash(mutation),
        valid: doc.valid,
        error_count: doc.error_count,
        warning_count: doc.warning_count,
        seconds: Math.round(run.seconds * 1000) / 1000,
        diagnostics: doc.diagnostics.map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail, ...(d.range ? { range: d.range } : {}) })),
      };
      rmSync(dir, { recursive: true, force: true });
      if (i % 25 === 0) process.stdout.write(`${i}/${mutations.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync('bench/baselines', { recursive: true });
  const fresh = new Map(rows.map((row) => [row.id, row]));
  const ordered = all.map((m) => fresh.get(m.id) ?? kept.get(m.id)).filter((row): row is MutationBaselineRow => row !== undefined);
  writeFileSync(MUTATIONS_BASELINE, ordered.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const invalid = ordered.filter((r) => !r.valid).length;
  process.stdout.write(`wrote ${MUTATIONS_BASELINE}: ${ordered.length} variants, ${invalid} invalid per terraform\n`);
}

/**
 * Records many variants per `terraform validate` (one provider start instead of one per variant): each variant
 * is a module of a batch root, its required input variables fed from unknown root variables (as a root module's
 * are at validate time); its diagnostics are the ones in its module's files. A batch whose run reports anything
 * outside the variants' files (or fails) leaves its variants to the standalone run, and so does every variant the
 * batch run finds no error in.
 */
async function recordBatched(mutations: Mutation[], rows: MutationBaselineRow[], size: number, scratch: string, pluginDir: string, terraform: string): Promise<void> {
  for (let start = 0; start < mutations.length; start += size) {
    const members = mutations.slice(start, start + size);
    const dir = join(scratch, `batch-${start}`);
    const root: string[] = [];
    for (const [k, mutation] of members.entries()) {
      const name = `v${k}`;
      writeFolder(join(dir, name), mutation.files);
      const inputs: string[] = [];
      for (const [file, text] of Object.entries(mutation.files)) {
        const parsed = await parseHclFile(file, text);
        for (const block of parsed.body.blocks) {
          if (block.type !== 'variable' || block.labels.length !== 1 || block.body.attributes.some((a) => a.name === 'default')) continue;
          const variable = block.labels[0] as string;
          root.push(`variable "${name}_${variable}" {}`);
          inputs.push(`  ${variable} = var.${name}_${variable}`);
        }
      }
      root.push(`module "${name}" {\n  source = "./${name}"\n${inputs.join('\n')}\n}`);
    }
    writeFolder(dir, { 'main.tf': `${root.join('\n')}\n` });
    // Local modules are registered by init (the provider is linked from the plugin directory, not copied).
    const init = await runCommand(terraform, ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`], { cwd: dir, timeoutMs: 300_000 });
    if (init.code !== 0) continue;
    const run = await runCommand(terraform, ['validate', '-json', '-no-color'], { cwd: dir, timeoutMs: 600_000 });
    rmSync(dir, { recursive: true, force: true });
    let doc: { diagnostics: MutationBaselineRow['diagnostics'] };
    try {
      doc = JSON.parse(run.stdout) as typeof doc;
    } catch {
      continue;
    }
    const outside = doc.diagnostics.some((d) => !d.range || !/^v\d+\//.test(d.range.filename));
    if (outside) continue;
    for (const [k, mutation] of members.entries()) {
      const prefix = `v${k}/`;
      // A backend block is ignored (with a warning) in a module only; a root would use it.
      const mine = doc.diagnostics
        .filter((d) => d.range?.filename.startsWith(prefix) && d.summary !== 'Backend configuration ignored')
        .map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail, ...(d.range ? { range: { ...d.range, filename: d.range.filename.slice(prefix.length) } } : {}) }));
      const errors = mine.filter((d) => d.severity === 'error').length;
      // An error elsewhere can stop a run before this module is checked: "valid" is confirmed by a standalone run.
      if (errors === 0) continue;
      rows[start + k] = {
        id: mutation.id,
        index: mutation.index,
        kind: mutation.kind,
        description: mutation.description,
        sha: mutationHash(mutation),
        valid: errors === 0,
        error_count: errors,
        warning_count: mine.length - errors,
        seconds: Math.round((run.seconds / members.length) * 1000) / 1000,
        diagnostics: mine,
      };
    }
    process.stdout.write(`batch ${start / size + 1}: ${members.length} variants in ${run.seconds.toFixed(1)} s\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
