import { InputError } from '../core/errors.ts';
import {
  dataRefs,
  decodePrecompiled,
  packageMatches,
  parseModule,
  RegoCompileErrors,
  RegoEngine,
  RegoError,
  type EvalScope,
  type PrecompiledModule,
  type PreparedQuery,
} from '../rego/index.ts';
import { fromJSLazy } from '../rego/lazy-value.ts';
import { toJS, type RegoValue } from '../rego/value.ts';

/** The slice of the Rego engine the scanner uses: compile modules once, query many inputs. */
export interface RegoBackend {
  /** Converts a JSON input once so several queries can share it (lazily: members are converted when read). */
  toInput(input: unknown): RegoValue;
  /**
   * Evaluates `query` against an input; returns the JS value of the first result, or undefined. Throws on errors.
   * `timeoutMs` replaces the default evaluation time budget (QUERY_TIMEOUT_MS) for this query; queries given one `scope`
   * share what they computed (see EvalScope).
   */
  query(query: string, input: RegoValue, timeoutMs?: number, scope?: EvalScope): unknown;
  /**
   * Evaluates the object `{key: data.<path>, ...}` (as `query` would its text, without parsing it): the JS object, or
   * undefined. Throws on errors.
   */
  queryRefs(entries: ReadonlyArray<readonly [key: string, path: readonly string[]]>, input: RegoValue, timeoutMs?: number, scope?: EvalScope): unknown;
  /** Optional modules left out because they did not compile: file -> the one-line error. */
  rejected: ReadonlyMap<string, string>;
  /** Compiles these deferred modules in (by file), if they are not yet; later queries see them. */
  include(files: Iterable<string>): void;
  /** Files of the modules compiled so far. */
  readonly included: ReadonlySet<string>;
}

export interface BackendModule {
  file: string;
  source: string;
  /** A user module: when it does not compile it is left out (and listed in `rejected`) instead of failing everything. */
  optional?: boolean;
  /**
   * Compiled only once `include` asks for it (a library policy no input has needed yet), or once a compiled module
   * refers to its package (a library helper).
   */
  deferred?: boolean;
}

type Parsed = ReturnType<typeof parseModule>;

export interface RegoBackendOptions {
  /**
   * The precompiled form (`encodePrecompiled`) of a module, when one was made from this module's text in a program
   * holding every module it refers to. Used only when no module is optional: then a module found here is neither
   * parsed nor compiled (see RegoEngine.addPrecompiledModule).
   */
  precompiled?: (module: BackendModule) => string | undefined;
}

/**
 * Deferred modules are compiled in at most this many steps; then every remaining one is (a repository with many kinds of
 * resources would otherwise recompile the growing program again and again).
 */
const MAX_INCLUDE_STEPS = 4;

/**
 * Compiles the modules into one embedded engine. A required module that does not compile (the bundled library) throws
 * InputError with file:line:col; an optional one (a user policy or helper) is left out, so one bad user policy does not
 * stop the scan. `deferred` modules wait until `include` asks for them or a compiled module refers to their package
 * (`dataRefs`), so a scan compiles only the policies the inputs need and the helpers those use. Each module is parsed
 * once, however often the growing program is compiled, or not at all when `options.precompiled` has its compiled form.
 */
export function createRegoBackend(modules: BackendModule[], options: RegoBackendOptions = {}): RegoBackend {
  const rejected = new Map<string, string>();
  const anyOptional = modules.some((m) => m.optional);
  const load = loader(anyOptional ? undefined : options.precompiled);
  const included = new Set<string>();
  const rebuild = (): RegoEngine => build(modules.filter((m) => included.has(m.file)), rejected, load);
  const add = withDependencies(modules, included, load);
  add(modules.filter((m) => !m.deferred).map((m) => m.file));
  // Optional (user) modules are compiled at once, so the caller learns which were left out before the first query.
  // Without them nothing can be left out, and the first build waits for the first query or `include`: a scan that
  // includes the policies its input needs then compiles the helpers once, not once alone and again with the policies.
  let engine = anyOptional ? rebuild() : undefined;
  let prepared = new Map<string, PreparedQuery>();
  // Object queries over included modules: without optional modules, nothing compiled is ever left out or changed, so
  // a query prepared on an earlier program stays right and is kept.
  let preparedRefs = new Map<string, PreparedQuery>();
  let steps = 0;
  /** The query prepared under `key` in `cache`, prepared on the current program (built if need be) the first time. */
  const preparedIn = (cache: Map<string, PreparedQuery>, key: string, prepare: (engine: RegoEngine) => PreparedQuery): PreparedQuery => {
    let q = cache.get(key);
    if (!q) {
      engine ??= rebuild();
      q = prepare(engine);
      cache.set(key, q);
    }
    return q;
  };
  const run = (q: PreparedQuery, input: RegoValue, timeoutMs: number | undefined, scope: EvalScope | undefined): unknown => {
    const value = q.evalValue({ inputValue: input, ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(scope ? { scope } : {}) });
    return value === undefined ? undefined : toJS(value);
  };
  return {
    rejected,
    included,
    include(files) {
      let wanted = [...files].filter((file) => !included.has(file));
      if (wanted.length === 0) return;
      if (++steps >= MAX_INCLUDE_STEPS) wanted = modules.filter((m) => !included.has(m.file)).map((m) => m.file);
      add(wanted);
      engine = rebuild();
      prepared = new Map();
      if (anyOptional) preparedRefs = new Map();
    },
    toInput: (input) => fromJSLazy(input),
    query: (query, input, timeoutMs, scope) => run(preparedIn(prepared, query, (e) => e.prepare(query)), input, timeoutMs, scope),
    queryRefs: (entries, input, timeoutMs, scope) =>
      run(preparedIn(preparedRefs, JSON.stringify(entries), (e) => e.prepareRefs(entries)), input, timeoutMs, scope),
  };
}

/** Compiles `modules`, leaving out (into `rejected`) the optional ones that do not compile. */
function build(
  modules: BackendModule[],
  rejected: Map<string, string>,
  load: (module: BackendModule) => Loaded,
): RegoEngine {
  const compile = (list: BackendModule[]): ReturnType<typeof compileWith> => compileWith(list, load);
  for (;;) {
    const current = modules.filter((m) => !rejected.has(m.file));
    const attempt = compile(current);
    if (attempt.engine) return attempt.engine;
    const optional = new Set(current.filter((m) => m.optional).map((m) => m.file));
    const blamed = attempt.errors.filter((e) => e.file !== undefined && optional.has(e.file));
    if (blamed.length > 0) {
      for (const error of blamed) if (!rejected.has(error.file!)) rejected.set(error.file!, error.message);
      continue;
    }
    // The failure names no user module (e.g. the compiler itself gave up): find the culprits one by one.
    const accepted = current.filter((m) => !m.optional);
    if (optional.size === 0 || !compile(accepted).engine) throw compileFailure(attempt.errors);
    for (const module of current.filter((m) => m.optional)) {
      const trial = compile([...accepted, module]);
      if (trial.engine) accepted.push(module);
      else {
        const message = trial.errors[0]?.message ?? 'did not compile';
        rejected.set(module.file, message.startsWith(`${module.file}:`) ? message : `${module.file}: ${message}`);
      }
    }
    if (!current.some((m) => m.optional && rejected.has(m.file))) throw compileFailure(attempt.errors);
  }
}

/** The default time budget of one query: a runaway (user) policy ends with an error finding instead of stalling. */
export const QUERY_TIMEOUT_MS = 10_000;

interface CompileError {
  file?: string;
  message: string;
}

/** A module as the compiler takes it: parsed, or decoded from its precompiled form. */
interface Loaded {
  module: Parsed;
  /** `dataRefs(module)`. */
  refs: readonly string[][];
  precompiled?: PrecompiledModule;
}

/**
 * Parses each module once (by file; a module's text never changes), or decodes its precompiled form when there is one
 * (a form that does not decode is ignored): the result, or the parse error, is kept for the next compile.
 */
function loader(precompiled: RegoBackendOptions['precompiled']): (module: BackendModule) => Loaded {
  const loaded = new Map<string, { source: string; module?: Loaded; error?: unknown }>();
  const parse = (module: BackendModule): Parsed => parseModule(module.file, module.source);
  const decode = (module: BackendModule): Loaded | undefined => {
    const text = precompiled?.(module);
    if (text === undefined) return undefined;
    try {
      const pre = decodePrecompiled(text, module.source, () => parse(module));
      return pre.module.file === module.file ? { module: pre.module, refs: pre.dataRefs, precompiled: pre } : undefined;
    } catch {
      return undefined;
    }
  };
  return (module) => {
    let entry = loaded.get(module.file);
    if (entry?.source !== module.source) {
      try {
        const decoded = decode(module);
        if (decoded) entry = { source: module.source, module: decoded };
        else {
          const parsed = parse(module);
          entry = { source: module.source, module: { module: parsed, refs: dataRefs(parsed) } };
        }
      } catch (error) {
        entry = { source: module.source, error };
      }
      loaded.set(module.file, entry);
    }
    if (entry.module) return entry.module;
    throw entry.error;
  };
}

/**
 * Adds files to `included` together with the deferred modules they refer to, directly or through each other (a module
 * that does not parse refers to nothing; compiling it reports the error).
 */
function withDependencies(modules: BackendModule[], included: Set<string>, load: (module: BackendModule) => Loaded): (files: Iterable<string>) => void {
  const byFile = new Map(modules.map((m) => [m.file, m]));
  const packages = new Map<BackendModule, string[] | undefined>();
  const packageOf = (module: BackendModule): string[] | undefined => {
    if (!packages.has(module)) packages.set(module, PACKAGE_LINE.exec(module.source)?.[1]?.split('.'));
    return packages.get(module);
  };
  return (files) => {
    const queue = [...files].filter((file) => !included.has(file));
    for (const file of queue) included.add(file);
    while (queue.length > 0) {
      const module = byFile.get(queue.pop() as string);
      if (!module) continue;
      let refs: readonly string[][];
      try {
        refs = load(module).refs;
      } catch {
        continue;
      }
      if (refs.length === 0) continue;
      for (const other of modules) {
        if (included.has(other.file)) continue;
        const pkg = packageOf(other);
        // A package line this does not read (none, or a quoted part) counts as matching: compiled rather than missed.
        if (pkg === undefined || packageMatches(pkg, refs)) {
          included.add(other.file);
          queue.push(other.file);
        }
      }
    }
  };
}

/** A module's package declaration (the first statement), e.g. `package iacpac.lib.terraform`. */
const PACKAGE_LINE = /^\s*package\s+([A-Za-z_][\w.]*)\s*(?:#.*)?$/m;

function compileWith(modules: BackendModule[], load: (module: BackendModule) => Loaded): { engine?: RegoEngine; errors: CompileError[] } {
  // A runaway (user) policy ends with an error finding instead of stalling the scan.
  const engine = new RegoEngine({ limits: { timeoutMs: QUERY_TIMEOUT_MS, maxSteps: 20_000_000 } });
  let current: BackendModule | undefined;
  try {
    for (const module of modules) {
      current = module;
      const loaded = load(module);
      if (loaded.precompiled) engine.addPrecompiledModule(loaded.precompiled);
      else engine.addParsedModule(loaded.module);
    }
    current = undefined;
    engine.compile();
    return { engine, errors: [] };
  } catch (error) {
    const errors = error instanceof RegoCompileErrors ? error.errors : error instanceof RegoError ? [error] : undefined;
    if (errors?.length) return { errors: errors.map((e) => ({ ...(e.location?.file ? { file: e.location.file } : current ? { file: current.file } : {}), message: e.message })) };
    // Not a Rego error (e.g. the stack overflowed on a deeply nested expression): blame the module being added, if any.
    const reason = error instanceof Error ? error.message : String(error);
    return { errors: [{ ...(current ? { file: current.file } : {}), message: `${current ? `${current.file}: ` : ''}the Rego compiler failed (${reason})` }] };
  }
}

function compileFailure(errors: CompileError[]): InputError {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new InputError(`${errors[0]?.message ?? 'the policies did not compile'}${more}; fix the policy or leave its directory out of --policy-dir`);
}
