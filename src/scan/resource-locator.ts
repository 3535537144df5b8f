import { isAbsolute, relative } from 'node:path';
import type { SourceRange } from '../core/source-range.ts';
import type { HclFile } from '../hcl/ast.ts';
import type { Configuration, TerraformModule } from '../terraform/model.ts';

/** Where a plan resource address is declared in the configuration. */
export interface ResourceLocation {
  /** The declaration (one per resource or provider block: equal blocks give the same object). */
  declaration: Declaration;
  /** Range of the whole resource block, filename relative to the scanned (root) directory. */
  range: SourceRange;
}

/** What a scan keeps of one resource (or provider) block: its range, and the comments of its file (suppressions). */
export interface Declaration {
  /** The block's range as loaded (filename as the loader names it). */
  blockRange: SourceRange;
  /** The comments of the file declaring the block (undefined when the file is not among the module's files). */
  file?: CommentedFile;
}

/** The comments of one configuration file, for inline suppressions (`suppressionsIn`). */
export type CommentedFile = Pick<HclFile, 'comments'>;

/** Splits an instance address into module names and the resource part, dropping instance keys. */
export function parseAddress(address: string): { modules: string[]; resource: string } | undefined {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quote = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
      continue;
    }
    if (ch === '"') quote = true;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth === 0 && ch === '.') {
      parts.push(current);
      current = '';
    } else if (depth === 0) current += ch;
  }
  parts.push(current);
  const modules: string[] = [];
  while (parts[0] === 'module' && parts.length > 2) {
    modules.push(parts[1] as string);
    parts.splice(0, 2);
  }
  if (parts.length < 2) return undefined;
  return { modules, resource: parts.join('.') };
}

/**
 * Builds a lookup from plan addresses to resource blocks of a loaded configuration. It keeps only the blocks' ranges
 * and their files' comments, not the configuration: a scan locates its findings after evaluating the policies, and
 * the model (most of a loaded configuration's memory) can be released before that evaluation, the peak of a scan's
 * memory. The first declaration of a duplicated name (resource, file, module call, provider) wins.
 */
export function createResourceLocator(config: Configuration): (address: string) => ResourceLocation | undefined {
  const rootDir = config.root.dir;
  const root = indexModule(config.root);
  const providers = new Map<string, Declaration>();
  for (const provider of config.root.providers) {
    const key = `${provider.name}.${provider.alias ?? ''}`;
    if (!providers.has(key)) providers.set(key, declaration(provider.block.range, root.files));
  }
  const located = (found: Declaration | undefined): ResourceLocation | undefined => {
    if (!found) return undefined;
    const range = found.blockRange;
    return { declaration: found, range: { filename: relativeFilename(rootDir, range.filename), start: range.start, end: range.end } };
  };
  return (address) => {
    if (address.startsWith('provider.')) {
      // `provider.aws` / `provider.aws.west` -> the root module's provider block (a pseudo resource for suppressions).
      const [name, alias] = address.slice('provider.'.length).split('.');
      return located(providers.get(`${name}.${alias ?? ''}`));
    }
    const parsed = parseAddress(address);
    if (!parsed) return undefined;
    let index: ModuleIndex | undefined = root;
    for (const name of parsed.modules) {
      index = index.calls.get(name);
      if (!index) return undefined;
    }
    return located(index.resources.get(parsed.resource));
  };
}

interface ModuleIndex {
  /** Resource address (module-relative) -> its block. */
  resources: Map<string, Declaration>;
  /** Module call name -> the called module's index (calls whose module is not loaded are left out). */
  calls: Map<string, ModuleIndex>;
  /** Filename -> the file's comments. */
  files: Map<string, CommentedFile>;
}

function indexModule(module: TerraformModule): ModuleIndex {
  const files = new Map<string, CommentedFile>();
  for (const file of module.files) if (!files.has(file.filename)) files.set(file.filename, { comments: file.comments });
  const resources = new Map<string, Declaration>();
  for (const resource of module.resources) if (!resources.has(resource.address)) resources.set(resource.address, declaration(resource.block.range, files));
  const calls = new Map<string, ModuleIndex>();
  const seen = new Set<string>();
  for (const call of module.moduleCalls) {
    if (seen.has(call.name)) continue;
    seen.add(call.name);
    if (call.module) calls.set(call.name, indexModule(call.module));
  }
  return { resources, calls, files };
}

function declaration(blockRange: SourceRange, files: ReadonlyMap<string, CommentedFile>): Declaration {
  const file = files.get(blockRange.filename);
  return file ? { blockRange, file } : { blockRange };
}

function relativeFilename(rootDir: string, filename: string): string {
  // The loader names files relative to the root directory already; absolute names are made relative.
  return isAbsolute(filename) ? relative(rootDir, filename).split('\\').join('/') : filename;
}
