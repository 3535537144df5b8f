import { hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError, UsageError } from '../core/errors.ts';
import { packageRoot } from '../core/package-root.ts';
import { seedYamlMemoLazily } from '../core/yaml-memo.ts';
import { severityRank, type Severity } from './finding.ts';
import { matchesAny } from './id-glob.ts';
import { editDistance } from '../core/edit-distance.ts';
import { readPolicyMetadata, type PolicyInfo } from './policy-metadata.ts';

/** A Rego module that is not itself a policy (e.g. the shared helpers in policies/lib). */
export interface HelperModule {
  file: string;
  /** The path shown in messages. */
  displayName: string;
  source: string;
  /** Part of the bundled library (it must compile; a user module that does not is left out instead). */
  builtin?: boolean;
}

export interface PolicySet {
  policies: PolicyInfo[];
  helpers: HelperModule[];
}

/** A selection: the policies to run, plus every module (all loaded policies and helpers) that must compile. */
export interface SelectedPolicies extends PolicySet {
  modules: HelperModule[];
  /** Every id and cross-reference id of every loaded policy (selected or not). */
  knownIds: string[];
}

/** An entry of `policies/index.json`. */
export interface IndexEntry {
  id: string;
  file: string;
}

/**
 * The entries of an index `{"version": 1, "policies": [{"id": "...", "file": "..."}, ...]}` (unknown keys dropped),
 * or what is wrong with it (where, and what was expected). Written out rather than with a schema library: reading
 * the index is on every scan's start-up path.
 */
export function indexEntries(raw: unknown): IndexEntry[] | { problem: string } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const found = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
  if (!isObject(raw)) return { problem: `expected an object {"version": 1, "policies": [...]}, found ${found(raw)}` };
  if (raw.version !== 1) return { problem: `"version" must be 1, found ${found(raw.version)}` };
  const policies = raw.policies;
  if (!Array.isArray(policies)) return { problem: `"policies" must be an array, found ${found(policies)}` };
  const entries: IndexEntry[] = [];
  for (const [i, entry] of (policies as unknown[]).entries()) {
    if (!isObject(entry)) return { problem: `policies[${i}] must be an object {"id": ..., "file": ...}, found ${found(entry)}` };
    const { id, file } = entry;
    if (typeof id !== 'string') return { problem: `policies[${i}].id must be a string, found ${found(id)}` };
    if (typeof file !== 'string') return { problem: `policies[${i}].file must be a string, found ${found(file)}` };
    entries.push({ id, file });
  }
  return entries;
}

/** The bundled library directory (`<package>/policies`). */
export function libraryDir(): string {
  return join(packageRoot(), 'policies');
}

/** The explicit policy list `policies/index.json`. */
export function readLibraryIndex(dir = libraryDir()): IndexEntry[] {
  const file = join(dir, 'index.json');
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const entries = indexEntries(raw);
  if (Array.isArray(entries)) return entries;
  throw new InputError(`${file}: invalid policy index: ${entries.problem}`);
}

let cachedLibrary: PolicySet | undefined;

/**
 * The METADATA blocks of the bundled library parsed ahead of time (`scripts/gen-policy-docs.ts` writes it): loading the
 * library then parses no YAML. Keyed by the text's hash, so an out-of-date file only costs parses, never wrong values.
 */
export const METADATA_SEED_FILE = join('assets', 'policies', 'metadata-yaml.json');

function seedLibraryMetadata(): void {
  // Read when the first METADATA block is parsed: with every policy's metadata and compiled form current, never.
  seedYamlMemoLazily(() => {
    try {
      const seed = JSON.parse(readFileSync(join(packageRoot(), METADATA_SEED_FILE), 'utf8')) as { version: number; yaml: Record<string, unknown> };
      return seed.version === 1 ? seed.yaml : undefined;
    } catch {
      // Without the seed the metadata is parsed from the policies themselves.
      return undefined;
    }
  });
}

/**
 * The library's policy metadata as `readPolicyMetadata` reads it, computed ahead of time (`scripts/gen-policy-docs.ts`
 * writes it; a meta test fails when it is stale): loading the library then reads each policy's text but parses and
 * checks no METADATA. Each entry is keyed by the SHA-256 of the policy's text, so an edited policy is read from its
 * file as before, never from a stale entry.
 */
export const PRECOMPILED_LIBRARY_FILE = join('assets', 'policies', 'library.json');

type PrecompiledInfo = Omit<PolicyInfo, 'file' | 'displayName' | 'source' | 'builtin'>;
/** By path under policies/: the SHA-256 of the policy's text and what readPolicyMetadata returns for that text. */
export type PrecompiledPolicies = Record<string, { sha256: string; info: PrecompiledInfo }>;
interface PrecompiledLibrary {
  version: 1;
  policies: PrecompiledPolicies;
}

/** The entries of PRECOMPILED_LIBRARY_FILE (none when it is missing or of another version). */
export function readPrecompiled(): PrecompiledPolicies {
  try {
    const parsed = JSON.parse(readFileSync(join(packageRoot(), PRECOMPILED_LIBRARY_FILE), 'utf8')) as PrecompiledLibrary;
    if (parsed.version === 1) return parsed.policies;
  } catch {
    // Without it every policy's METADATA is read from its file.
  }
  return {};
}

function sourceKey(source: string): string {
  return hash('sha256', source);
}

/** Loads every policy listed in policies/index.json plus the helper modules in policies/lib. */
export function loadLibrary(): PolicySet {
  return (cachedLibrary ??= readLibrary(readPrecompiled()));
}

/** The library, each policy's metadata from `precompiled` when its entry is for the policy's current text. */
export function readLibrary(precompiled: PrecompiledPolicies): PolicySet {
  // The Rego parser reads the METADATA blocks of the modules it compiles too (as annotations): always seeded.
  seedLibraryMetadata();
  const dir = libraryDir();
  const policies = readLibraryIndex(dir).map((entry) => {
    const file = join(dir, entry.file);
    const displayName = `policies/${entry.file}`;
    const source = readFileSync(file, 'utf8');
    const known = Object.hasOwn(precompiled, entry.file) ? precompiled[entry.file] : undefined;
    let info: PolicyInfo;
    if (known && known.sha256 === sourceKey(source)) {
      info = { ...known.info, file, displayName, source, builtin: true };
    } else {
      info = readPolicyMetadata(file, displayName, source, true);
    }
    if (info.id !== entry.id) throw new InputError(`${displayName}: id ${info.id} does not match index entry ${entry.id}`);
    return info;
  });
  const helpers = regoFiles(join(dir, 'lib')).map((file) => ({
    file,
    displayName: `policies/${relative(dir, file).split('\\').join('/')}`,
    source: readFileSync(file, 'utf8'),
    builtin: true,
  }));
  return { policies, helpers };
}

/** The text of PRECOMPILED_LIBRARY_FILE for the library as it is now (every METADATA block read from its policy). */
export function renderPrecompiledLibrary(): string {
  const dir = libraryDir();
  const policies: PrecompiledPolicies = {};
  for (const policy of readLibrary({}).policies) {
    const { file, displayName: _displayName, source, builtin: _builtin, ...info } = policy;
    policies[relative(dir, file).split('\\').join('/')] = { sha256: sourceKey(source), info };
  }
  return `${JSON.stringify({ version: 1, policies } satisfies PrecompiledLibrary)}\n`;
}

/**
 * Loads a user policy directory (or a single .rego file): files with a METADATA block carrying custom.id are
 * policies, files without one are helper modules. `_test.rego` files are skipped.
 */
export function loadPolicyDir(path: string): PolicySet {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new UsageError(`--policy-dir ${path}: no such file or directory`);
  const files = statSync(absolute).isDirectory() ? regoFiles(absolute) : [absolute];
  const set: PolicySet = { policies: [], helpers: [] };
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const display = relative(process.cwd(), file) || file;
    if (/^\s*#\s*METADATA\s*$/m.test(source) || /^\s*deny\b/m.test(source)) {
      set.policies.push(readPolicyMetadata(file, display, source, false));
    } else {
      set.helpers.push({ file, displayName: display, source });
    }
  }
  return set;
}

function regoFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && !name.startsWith('.')) out.push(...regoFiles(path));
    } else if (name.endsWith('.rego') && !name.endsWith('_test.rego')) {
      out.push(path);
    }
  }
  return out;
}

export interface PolicySelection {
  /** Lowest severity to evaluate and report. */
  severity?: Severity;
  /** Exactly these severities; wins over `severity`. */
  severities?: Severity[];
  /** Only these ids (exact or globs); all when empty. Matches our ids and cross-reference ids (e.g. CKV_AWS_19). */
  include?: string[];
  exclude?: string[];
}

/**
 * Combines the library with user policy sets and applies the id/severity selection. Duplicate ids are an error, and
 * so is an id or glob in `include`/`exclude` that names no loaded policy (a typo would otherwise run nothing, or skip
 * nothing, and report a clean result): UsageError naming the closest ids.
 */
export function selectPolicies(sets: PolicySet[], selection: PolicySelection): SelectedPolicies {
  const seen = new Map<string, PolicyInfo>();
  const policies: PolicyInfo[] = [];
  const helpers: HelperModule[] = [];
  const modules: HelperModule[] = [];
  for (const set of sets) {
    helpers.push(...set.helpers);
    modules.push(...set.helpers, ...set.policies);
    for (const policy of set.policies) {
      const previous = seen.get(policy.id);
      if (previous) throw new InputError(`${policy.file}: policy id ${policy.id} is already used by ${previous.file}`);
      seen.set(policy.id, policy);
      if (selected(policy, selection)) policies.push(policy);
    }
  }
  const known = [...seen.values()].flatMap((p) => [p.id, ...Object.values(p.references).flat()]);
  for (const [option, patterns] of [['--policy', selection.include], ['--skip-policy', selection.exclude]] as const) {
    for (const pattern of patterns ?? []) {
      if (known.some((id) => matchesAny(id, [pattern]))) continue;
      const close = closeIds(pattern, known);
      throw new UsageError(
        `${option} ${pattern}: no policy has this id or cross-reference id${close.length ? `; close ids: ${close.join(', ')}` : ''} (the library is listed in docs/policies.md)`,
      );
    }
  }
  return { policies, helpers, modules, knownIds: known };
}

/** Up to five known ids closest to `pattern` (edit distance; wildcards dropped), closest first. */
export function closeIds(pattern: string, known: readonly string[]): string[] {
  const wanted = pattern.replace(/[*?]/g, '').toUpperCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return [...new Set(known)]
    .map((id) => ({ id, distance: id.toUpperCase().startsWith(wanted) && wanted.length >= 3 ? 0 : editDistance(wanted, id.toUpperCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((c) => c.id);
}

function selected(policy: PolicyInfo, selection: PolicySelection): boolean {
  const ids = [policy.id, ...Object.values(policy.references).flat()];
  if (selection.severities) {
    if (!selection.severities.includes(policy.severity)) return false;
  } else if (selection.severity && severityRank(policy.severity) < severityRank(selection.severity)) return false;
  if (selection.include?.length && !ids.some((id) => matchesAny(id, selection.include ?? []))) return false;
  if (selection.exclude?.length && ids.some((id) => matchesAny(id, selection.exclude ?? []))) return false;
  return true;
}
