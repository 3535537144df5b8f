/**
 * Files for `iacpac rego eval|check|test`, loaded as OPA's loader does:
 *  - every `.rego` file under the given paths is a module; every `.json`, `.yaml` and `.yml` file is a data document
 *    mounted at its directory's path below the path given (`dir/a/b/x.yaml` → `data.a.b`); a file given directly is
 *    mounted at the root, and a file given directly with another extension is read as Rego, JSON or YAML (as OPA
 *    tries each). Symbolic links are followed; nothing is skipped for its name (dot-files included); `--ignore <glob>` skips files and
 *    directories whose name matches, below the given paths (`--ignore '*.yaml'`).
 *  - `onlyRego` (what `opa check` loads outside bundle mode): `.rego` files only, data files are not read at all.
 *  - bundle mode (`--bundle`): each path is a bundle directory; only `data.json`/`data.yaml` files are data, the
 *    `.manifest` gives `roots` (every package and data path must lie under one) and `rego_version` (0 or 1).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../../core/errors.ts';
import { fromJS, RegoObject, type RegoValue } from '../../../rego/value.ts';
import { parseJSON } from '../../../rego/index.ts';

export interface LoadedModule {
  file: string;
  text: string;
  /** Parse as Rego v0 (bundle manifest rego_version 0); undefined: the command's default. */
  v0?: boolean;
  /** Bundle roots the module's package must lie under. */
  roots?: readonly string[];
}

export interface Loaded {
  modules: LoadedModule[];
  data: RegoValue[];
}

export interface LoadOptions {
  /** Glob patterns matched against file and directory names below the given paths. */
  ignore?: readonly string[];
  bundle?: boolean;
  /** Read only `.rego` files (opa check): data files are neither parsed nor mounted. Ignored in bundle mode. */
  onlyRego?: boolean;
}

const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Go's filepath.Match for one name: `*`, `?`, `[...]` classes, `\` escapes. */
export function globMatch(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(name);
}

function ignored(name: string, options: LoadOptions): boolean {
  return (options.ignore ?? []).some((p) => globMatch(p, name));
}

/**
 * Files below `path`, symbolic links followed as OPA's loader follows them (a directory linked from inside itself is
 * refused: OPA would walk it until the path is too long).
 */
function walk(path: string, depth: number, options: LoadOptions, out: string[], ancestors: readonly string[] = []): void {
  if (depth > 0 && ignored(basename(path), options)) return;
  let st;
  try {
    st = statSync(path);
  } catch (error) {
    throw new InputError(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to a missing file' : (error as Error).message}`);
  }
  if (!st.isDirectory()) {
    out.push(path);
    return;
  }
  const real = realpathSync(path);
  if (ancestors.includes(real)) throw new InputError(`${path}: a symbolic link back to ${real}, which contains it (a loop; --ignore ${basename(path)} to skip it)`);
  for (const name of readdirSync(path).sort()) walk(join(path, name), depth + 1, options, out, [...ancestors, real]);
}

export function readDocument(file: string): RegoValue {
  const text = readFileSync(file, 'utf8');
  const yaml = /\.ya?ml$/i.test(file);
  try {
    if (yaml) return fromJS(parseYaml(text, { intAsBigInt: true }) ?? {});
    return parseJSON(text);
  } catch (error) {
    const why = error instanceof RangeError ? 'nesting too deep' : (error as Error).message.split('\n')[0];
    throw new InputError(`${file}: not valid ${yaml ? 'YAML' : 'JSON'}: ${why}`);
  }
}

/**
 * A file given directly whose extension is none of OPA's: OPA tries it as a Rego module, then as JSON, then as YAML.
 * Here a text whose first statement is `package` is a module (its parse errors are reported as Rego errors); anything
 * else must be a JSON or YAML object.
 */
function loadAnyType(file: string, loaded: Loaded): void {
  const text = readFileSync(file, 'utf8');
  if (/^(?:\s*#[^\n]*\n)*\s*package\s/.test(text)) {
    loaded.modules.push({ file, text });
    return;
  }
  let doc: RegoValue | undefined;
  try {
    doc = parseJSON(text);
  } catch {
    try {
      doc = fromJS(parseYaml(text, { intAsBigInt: true }) ?? null);
    } catch {
      doc = undefined;
    }
  }
  if (!(doc instanceof RegoObject)) throw new InputError(`${file}: not a Rego module (no package statement) nor a JSON or YAML object (pass .rego, .json, .yaml or .yml files)`);
  loaded.data.push(doc);
}

function mount(segments: readonly string[], doc: RegoValue): RegoValue {
  return segments.reduceRight<RegoValue>((inner, key) => RegoObject.fromRecord({ [key]: inner }), doc);
}

/** Directories between `root` and the file: the data path of a document in a directory. */
function dirSegments(root: string, file: string): string[] {
  return relative(root, file).split(sep).slice(0, -1).filter(Boolean);
}

interface Manifest {
  roots?: string[];
  rego_version?: number;
}

function readManifest(dir: string): Manifest {
  const path = join(dir, '.manifest');
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new InputError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Is `path` (a slash-separated package or data path) inside one of the bundle's roots? */
export function underRoots(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => r === '' || path === r || path.startsWith(`${r}/`));
}

/** Data at `path` stays inside the roots: the path is under one, or it leads to roots and each key stays inside. */
function dataWithinRoots(path: string, doc: RegoValue, roots: readonly string[]): boolean {
  if (underRoots(path, roots)) return true;
  const leadsToRoot = path === '' || roots.some((r) => r.startsWith(`${path}/`));
  if (!leadsToRoot || !(doc instanceof RegoObject)) return false;
  for (const [key, value] of doc) {
    if (typeof key !== 'string' || !dataWithinRoots(path ? `${path}/${key}` : key, value, roots)) return false;
  }
  return true;
}

export function load(paths: readonly string[], options: LoadOptions = {}): Loaded {
  const loaded: Loaded = { modules: [], data: [] };
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError(`${p}: no such file or directory (pass .rego/.json/.yaml files or directories)`);
    const isDir = statSync(p).isDirectory();
    const files: string[] = [];
    walk(p, 0, options, files);
    if (options.bundle) {
      if (!isDir) throw new InputError(`${p}: --bundle takes bundle directories`);
      const manifest = readManifest(p);
      const roots = (manifest.roots ?? ['']).map((r) => r.replace(/^\/+|\/+$/g, ''));
      const v0 = manifest.rego_version === undefined ? undefined : manifest.rego_version === 0;
      for (const f of files) {
        const name = basename(f);
        if (extname(f) === '.rego') loaded.modules.push({ file: f, text: readFileSync(f, 'utf8'), ...(v0 !== undefined ? { v0 } : {}), roots });
        else if (/^data\.(json|ya?ml)$/.test(name)) {
          const segments = dirSegments(p, f);
          const dataPath = segments.join('/');
          const doc = readDocument(f);
          // a document at a path above the roots must only hold keys inside them
          if (!dataWithinRoots(dataPath, doc, roots))
            throw new InputError(`${f}: data at path /${dataPath} is outside the bundle roots ${JSON.stringify(roots)} (${join(p, '.manifest')})`);
          loaded.data.push(mount(segments, doc));
        }
      }
      continue;
    }
    for (const f of files) {
      const ext = extname(f).toLowerCase();
      if (ext === '.rego') loaded.modules.push({ file: f, text: readFileSync(f, 'utf8') });
      else if (DATA_EXTENSIONS.has(ext) && !options.onlyRego) loaded.data.push(mount(isDir ? dirSegments(p, f) : [], readDocument(f)));
      else if (!isDir && !options.onlyRego) loadAnyType(f, loaded);
    }
  }
  return loaded;
}
