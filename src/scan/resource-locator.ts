import { isAbsolute, relative } from 'node:path';
import type { SourceRange } from '../core/source-range.ts';
import type { HclFile } from '../hcl/ast.ts';
import type { Configuration, Resource, TerraformModule } from '../terraform/model.ts';

/** Where a plan resource address is declared in the configuration. */
export interface ResourceLocation {
  resource: Resource;
  file?: HclFile;
  /** Range of the whole resource block, filename relative to the scanned (root) directory. */
  range: SourceRange;
}

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
 * Builds a lookup from plan addresses to resource blocks of a loaded configuration. Each module's resources, files and
 * module calls are indexed on first use (a scan locates every finding: a linear search per finding was quadratic in
 * the size of the configuration); the first declaration of a duplicated name wins, as before.
 */
export function createResourceLocator(config: Configuration): (address: string) => ResourceLocation | undefined {
  const rootDir = config.root.dir;
  const indexes = new Map<TerraformModule, ModuleIndex>();
  const indexOf = (module: TerraformModule): ModuleIndex => {
    let index = indexes.get(module);
    if (!index) {
      index = { resources: firstBy(module.resources, (r) => r.address), files: firstBy(module.files, (f) => f.filename), calls: firstBy(module.moduleCalls, (c) => c.name) };
      indexes.set(module, index);
    }
    return index;
  };
  return (address) => {
    if (address.startsWith('provider.')) return locateProvider(config, address.slice('provider.'.length));
    const parsed = parseAddress(address);
    if (!parsed) return undefined;
    let module: TerraformModule | undefined = config.root;
    for (const name of parsed.modules) {
      module = indexOf(module).calls.get(name)?.module;
      if (!module) return undefined;
    }
    const index = indexOf(module);
    const resource = index.resources.get(parsed.resource);
    if (!resource) return undefined;
    const range = resource.block.range;
    const file = index.files.get(range.filename);
    return { resource, file, range: { filename: relativeFilename(rootDir, range.filename), start: range.start, end: range.end } };
  };
}

interface ModuleIndex {
  resources: Map<string, Resource>;
  files: Map<string, HclFile>;
  calls: Map<string, TerraformModule['moduleCalls'][number]>;
}

/** `items` by `key`, the first item of each key kept. */
function firstBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

/** `provider.aws` / `provider.aws.west` -> the root module's provider block (a pseudo resource for suppressions). */
function locateProvider(config: Configuration, rest: string): ResourceLocation | undefined {
  const [name, alias] = rest.split('.');
  const provider = config.root.providers.find((p) => p.name === name && p.alias === alias);
  if (!provider) return undefined;
  const range = provider.block.range;
  const file = config.root.files.find((f) => f.filename === range.filename);
  const resource = {
    mode: 'managed',
    type: name ?? '',
    name: alias ?? '',
    address: `provider.${rest}`,
    providerLocalName: name ?? '',
    dependsOn: [],
    provisioners: [],
    config: provider.block.body,
    block: provider.block,
  } satisfies Resource;
  return { resource, file, range: { filename: relativeFilename(config.root.dir, range.filename), start: range.start, end: range.end } };
}

function relativeFilename(rootDir: string, filename: string): string {
  // The loader names files relative to the root directory already; absolute names are made relative.
  return isAbsolute(filename) ? relative(rootDir, filename).split('\\').join('/') : filename;
}
