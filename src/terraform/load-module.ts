import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { InputError } from '../core/errors.ts';
import { formatRange } from '../core/source-range.ts';
import type { Block, HclFile } from '../hcl/ast.ts';
import { parseHclFile } from '../hcl/parse.ts';
import { announceHclSyntaxChecks, stopHclWorker, takeAnnounced } from '../hcl/hcl-syntax-worker.ts';
import { ByteBudget, fileError, listModuleFiles, readSourceFile } from './load-files.ts';
import { addTopLevelBlocks, emptyModule } from './load-model.ts';
import { mergeOverrides } from './load-override.ts';
import type { Configuration, ModuleCall, TerraformModule } from './model.ts';
import { loadVariableValues, type VariableOptions } from './variables.ts';
import { appendAll } from '../core/arrays.ts';
import { moduleAddress } from './module-address.ts';
import { templateParserReady } from './eval/template-parser.ts';

export interface LoadOptions extends VariableOptions {
  /**
   * Load only these files of the root directory (names inside it, e.g. `['main.tf']`), as `checkov -f` scans single
   * files; child modules are still loaded whole. Default: every configuration file.
   */
  files?: string[];
  /**
   * Which input values to read: `all` (default; TF_VAR_ variables, terraform.tfvars, *.auto.tfvars, then --var-file
   * and --var) or `explicit` (only --var-file and --var): `terraform validate` uses no values, so the validator
   * does not read or parse the automatic files.
   */
  inputValues?: 'all' | 'explicit';
  /**
   * Text to read instead of a configuration file's content, by absolute path (the file must exist): lets a caller
   * analyse edits before writing them (`src/fix/` verifies each repair this way).
   */
  sources?: ReadonlyMap<string, string>;
  /**
   * No other configuration is loaded after this one in this thread (a CLI run's last root): HashiCorp's parser worker
   * is stopped as soon as the load ends instead of after its idle delay, so its memory (the Go heap, grown by large
   * files; ~60 MB after 3.8 MB of HCL) is returned before validation, plan and scan reach their peaks. A later parse
   * (a template, a variable file) starts a new worker.
   */
  lastLoad?: boolean;
}

/**
 * A source that may call `templatefile`/`templatestring`: their templates are parsed by the tree-sitter parser, whose
 * start-up is asynchronous while evaluation is not, so a configuration that names them gets the parser ready before
 * `loadConfiguration` returns. Matched on the raw text (also inside `.tf.json` strings); a false match only costs that
 * start-up (~25 ms CPU), which every other configuration no longer pays.
 */
const TEMPLATE_FUNCTION = /template(?:file|string)/;

/**
 * Deepest chain of local module calls followed (a guard in addition to cycle detection). Terraform itself has
 * no limit, so the guard sits far beyond real configurations: 50 levels load and validate as in Terraform.
 */
export const MAX_MODULE_DEPTH = 256;

interface LoadState {
  rootDir: string;
  diagnostics: Diagnostic[];
  /** Module directories installed by `terraform init` (`.terraform/modules/modules.json`), by module key. */
  installed: Map<string, string>;
  /** Bytes read so far, against the configuration's bound. */
  budget: ByteBudget;
  sources?: ReadonlyMap<string, string>;
  /** A loaded file names templatefile or templatestring (see {@link TEMPLATE_FUNCTION}). */
  usesTemplates?: boolean;
}

/** Reads `terraform init`'s module manifest, if any: key (`net.sub`) → absolute directory. */
async function readModuleManifest(rootDir: string): Promise<Map<string, string>> {
  const installed = new Map<string, string>();
  try {
    const text = await readFile(join(rootDir, '.terraform', 'modules', 'modules.json'), 'utf8');
    const manifest = JSON.parse(text) as { Modules?: Array<{ Key?: unknown; Dir?: unknown }> };
    for (const entry of manifest.Modules ?? []) {
      if (typeof entry.Key === 'string' && entry.Key !== '' && typeof entry.Dir === 'string') installed.set(entry.Key, resolve(rootDir, entry.Dir));
    }
  } catch {
    // No manifest (not initialised) or an unreadable one: remote modules are simply not loaded.
  }
  return installed;
}

/** Path shown in ranges and messages: relative to the root directory, with `/` separators. */
function displayPath(rootDir: string, path: string): string {
  const rel = relative(rootDir, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Loads the Terraform configuration in `dir`: every `*.tf` / `*.tf.json` file (override files merged),
 * local child modules (recursively; a cycle is an `InputError`, exit 2) and remote ones that `terraform init`
 * installed (`.terraform/modules/modules.json`), and the root module's input
 * values from tfvars files and options. Problems in the configuration are `diagnostics`; input that is
 * not a configuration iacpac can analyse (missing path, not a directory, no configuration files, binary,
 * non-UTF-8 or oversized files, nesting deeper than 256 levels, symlink loops, unreadable --var-file)
 * throws `InputError` with one line saying what and where.
 */
export async function loadConfiguration(dir: string, options: LoadOptions = {}): Promise<Configuration> {
  const rootDir = resolve(dir);
  let info;
  try {
    info = await stat(rootDir);
  } catch (error) {
    throw fileError(error, dir);
  }
  if (!info.isDirectory()) throw new InputError(`${dir}: not a directory; pass the directory that holds the .tf files`);
  const state: LoadState = { rootDir, diagnostics: [], installed: await readModuleManifest(rootDir), budget: new ByteBudget(), ...(options.sources ? { sources: options.sources } : {}) };
  const listed = await listModuleFiles(rootDir, dir);
  const only = options.files ? new Set(options.files) : undefined;
  const names = only ? { primary: listed.primary.filter((n) => only.has(n)), override: listed.override.filter((n) => only.has(n)) } : listed;
  for (const name of options.files ?? []) {
    if (!listed.primary.includes(name) && !listed.override.includes(name)) {
      throw new InputError(`${join(dir, name)}: not a Terraform configuration file (*.tf or *.tf.json) in ${dir}`);
    }
  }
  if (names.primary.length === 0 && names.override.length === 0) {
    throw new InputError(`${dir}: no Terraform configuration files (*.tf or *.tf.json) in this directory`);
  }
  const rootReal = await realpath(rootDir).catch((error: unknown) => {
    throw fileError(error, dir);
  });
  const root = await loadModule(state, rootDir, [], [rootReal], names);
  const variableDiagnostics: Diagnostic[] = [];
  const variableValues = await loadVariableValues(rootDir, root.variables, options, variableDiagnostics, { budget: state.budget, automatic: options.inputValues !== 'explicit' });
  if (state.usesTemplates) await templateParserReady();
  if (options.lastLoad) stopHclWorker();
  return { root, variableValues, diagnostics: state.diagnostics, variableDiagnostics };
}

async function loadModule(
  state: LoadState,
  dir: string,
  path: string[],
  ancestors: string[],
  names?: Awaited<ReturnType<typeof listModuleFiles>>,
): Promise<TerraformModule> {
  const listed = names ?? (await listModuleFiles(dir, displayPath(state.rootDir, dir)));
  const primaryFiles = await parseFiles(state, dir, listed.primary);
  const overrideFiles = await parseFiles(state, dir, listed.override);
  const files = [...primaryFiles, ...overrideFiles];
  for (const file of files) appendAll(state.diagnostics, file.syntaxErrors);
  state.usesTemplates ||= files.some((file) => TEMPLATE_FUNCTION.test(file.source));
  const primaryBlocks: Block[] = primaryFiles.flatMap((f) => f.body.blocks);
  const overrideBlocks: Block[] = overrideFiles.flatMap((f) => f.body.blocks);
  const blocks = overrideBlocks.length > 0 ? mergeOverrides(primaryBlocks, overrideBlocks, state.diagnostics) : primaryBlocks;
  const module = emptyModule(dir, path, files);
  // Arguments at the top level of a file. Only for files HCL parsed cleanly: in a broken file, what ends up
  // at the top level depends on HCL's own error recovery, which the recovered tree does not reproduce.
  for (const file of files) {
    if (file.syntaxErrors.length > 0) continue;
    const json = file.filename.endsWith('.json');
    for (const attr of file.body.attributes) {
      state.diagnostics.push({
        severity: 'error',
        summary: json ? 'Extraneous JSON object property' : 'Unsupported argument',
        detail: json ? `No argument or block type is named "${attr.name}".` : `An argument named "${attr.name}" is not expected here.`,
        range: attr.nameRange,
        source: 'terraform',
        code: 'unsupported-argument',
      });
    }
  }
  addTopLevelBlocks(module, blocks);
  for (const call of module.moduleCalls) await loadChild(state, module, call, ancestors);
  return module;
}

async function parseFiles(state: LoadState, dir: string, names: string[]): Promise<HclFile[]> {
  // The whole module is charged before any file is parsed, so a configuration over the bound stops at once.
  let nativeBytes = 0;
  /** What each file adds to the announcement below (JSON files are not HCL's to check). */
  const announced: number[] = [];
  for (const name of names) {
    const full = join(dir, name);
    const size = await stat(full).then(
      (info) => (info.isFile() ? info.size : 0),
      () => 0,
    );
    state.budget.charge(displayPath(state.rootDir, full), size);
    announced.push(name.endsWith('.json') ? 0 : size);
    if (!name.endsWith('.json')) nativeBytes += size;
  }
  // HCL's syntax check starts its worker with the first file: it is told how much HCL follows (compiler tier). Each
  // file takes back exactly what it added, read or not, as it goes to the parser.
  announceHclSyntaxChecks(nativeBytes);
  // Every file is read and handed to the parser before the first result is awaited: HCL's worker thread parses the
  // next file while this thread builds the AST of the one before. Results (and errors) are taken in name order.
  const parses = names.map((name, i) => {
    const full = join(dir, name);
    const display = displayPath(state.rootDir, full);
    const cached = state.sources?.get(full);
    const parse = (async () => {
      let source: string;
      try {
        source = cached ?? (await readSourceFile(full, display));
      } finally {
        takeAnnounced(announced[i]!);
      }
      return parseHclFile(display, source);
    })();
    // Awaited below, in order; this only keeps a failure of a file after an earlier failure from counting as unhandled.
    parse.catch(() => undefined);
    return parse;
  });
  const files: HclFile[] = [];
  for (const parse of parses) {
    const file = await parse;
    const tooDeep = file.syntaxErrors.find((d) => d.code === 'nesting-too-deep');
    if (tooDeep) throw new InputError(`${formatRange(tooDeep.range) || file.filename}: ${tooDeep.summary}: ${tooDeep.detail}`);
    files.push(file);
  }
  return files;
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..' || source.startsWith('.\\') || source.startsWith('..\\');
}

async function loadChild(state: LoadState, parent: TerraformModule, call: ModuleCall, ancestors: string[]): Promise<void> {
  const source = call.source;
  if (source === undefined) return;
  const callPath = [...parent.path, call.name];
  const installedDir = isLocalSource(source) ? undefined : state.installed.get(callPath.join('.'));
  if (!isLocalSource(source) && !installedDir) return;
  const sourceRange = call.block.body.attributes.find((a) => a.name === 'source')?.expr.range ?? call.block.defRange;
  const childDir = installedDir ?? (isAbsolute(source) ? source : resolve(parent.dir, source));
  const childDisplay = displayPath(state.rootDir, childDir);
  let real: string;
  try {
    real = await realpath(childDir);
    if (!(await stat(real)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${call.block.defRange.filename}:${call.block.defRange.start.line}`;
    state.diagnostics.push({
      severity: 'error',
      summary: 'Unreadable module directory',
      detail:
        code === 'ELOOP'
          ? `The directory ${childDisplay} could not be read for module "${call.name}" at ${where}: it is a symbolic link loop.`
          : code === 'ENOTDIR'
            ? `The directory ${childDisplay} could not be read for module "${call.name}" at ${where}: it is not a directory.`
            : `The directory ${childDisplay} could not be read for module "${call.name}" at ${where}.`,
      range: call.block.defRange,
      source: 'terraform',
      code: 'unreadable-module',
    });
    return;
  }
  if (ancestors.includes(real)) {
    // Terraform itself recurses forever on a cycle (`terraform init` never ends). The configuration cannot be
    // loaded at all, so this is bad input (exit 2), reported once with where the call points back.
    const chain = moduleAddress(callPath);
    throw new InputError(
      `${formatRange(sourceRange)}: module cycle: ${chain} loads ${childDisplay}, which one of its callers is already loading; remove the module call that points back to a calling module`,
    );
  }
  if (callPath.length > MAX_MODULE_DEPTH) {
    state.diagnostics.push({
      severity: 'error',
      summary: 'Module nesting too deep',
      detail: `Local module calls are nested more than ${MAX_MODULE_DEPTH} levels deep; iacpac does not load deeper modules.`,
      range: sourceRange,
      source: 'terraform',
      code: 'module-too-deep',
    });
    return;
  }
  call.module = await loadModule(state, childDir, callPath, [...ancestors, real]);
}
