/**
 * The embedded Rego engine: `new RegoEngine(options)`, `addModule`, `addData`, `prepare(query).eval({ input })`
 * returning OPA's result-set shape, plus helpers to evaluate a rule path and list rules with annotations.
 */
import { loc0, type Annotations, type Body, type Module, type Term } from './syntax/ast.ts';
import { refString } from './syntax/ref-string.ts';
import { MAX_DEPTH, parseModule, parseQuery } from './syntax/parser.ts';
import { RegoCompileErrors, RegoError } from './syntax/errors.ts';
import { compileModules, compileQuery, type Program } from './compiler/compile.ts';
import type { PrecompiledModule } from './compiler/precompiled.ts';
import { isGeneratedVar } from './compiler/rewrite-vars.ts';
import { forEachExprVar } from './compiler/terms.ts';
import { EvalContext } from './eval/context.ts';
import { Evaluator, type EvalLimits, type Env } from './eval/evaluator.ts';
import type { Tracer } from './eval/types.ts';
import { BuiltinSet, type Capabilities, type CustomBuiltin } from './builtin-set.ts';
import { fromJS, mergeObjects, RegoObject, toJS, type RegoValue } from './value.ts';
import { regoDiagnostics } from './diagnostics.ts';
import type { Diagnostic } from '../core/diagnostics.ts';

export { RegoError, RegoCompileErrors, RegoSyntaxError, formatRegoError } from './syntax/errors.ts';
export type { RegoErrorCode, RegoLocation } from './syntax/errors.ts';
export { parseModule, parseQuery, parseTerm } from './syntax/parser.ts';
export { dataRefs, packageMatches } from './syntax/data-refs.ts';
export { parseJSON } from './json.ts';
export { decodePrecompiled, encodePrecompiled, precompiledModules, type PrecompiledModule } from './compiler/precompiled.ts';
export { fromJS, toJS } from './value.ts';
export { regoDiagnostics } from './diagnostics.ts';
export type { EvalLimits } from './eval/evaluator.ts';
export type { TraceEvent, TraceOp, Tracer } from './eval/types.ts';
export type { Capabilities, CustomBuiltin } from './builtin-set.ts';
export { BuiltinError } from './builtins/define-builtin.ts';
export type { BuiltinContext, RegoType } from './builtins/define-builtin.ts';

export interface RegoEngineOptions {
  /** Parse modules as Rego v0 unless they `import rego.v1`. */
  v0Compatible?: boolean;
  /** Builtin errors abort evaluation (OPA `--strict-builtin-errors`). */
  strictBuiltinErrors?: boolean;
  limits?: EvalLimits;
  /** Enable http.send / net.lookup_ip_addr (disabled by default). */
  allowNetwork?: boolean;
  /** Receives print() output; default: discarded. */
  print?: (line: string) => void;
  /** What opa.runtime() returns (default: an empty object, as OPA without runtime information). */
  runtime?: unknown;
  /** Custom builtins (the host's functions), as `registerBuiltin` adds them. */
  builtins?: readonly CustomBuiltin[];
  /** Only the builtins an OPA capabilities document lists (as `opa check --capabilities`). */
  capabilities?: Capabilities;
  /** OPA's strict mode (`opa check --strict`): unused assignments, arguments and imports, duplicate imports, rules named input/data, deprecated builtins are errors. */
  strict?: boolean;
}

export interface ExpressionResult {
  value: unknown;
  text: string;
  location: { row: number; col: number };
}
export interface Result {
  expressions: ExpressionResult[];
  bindings: Record<string, unknown>;
}
export type ResultSet = Result[];

export interface EvalOptions {
  input?: unknown;
  /** Input already converted to a Rego value (e.g. from parseJSON). */
  inputValue?: RegoValue;
  strictBuiltinErrors?: boolean;
  print?: (line: string) => void;
  /** Receives every evaluation step (explain traces, coverage). */
  tracer?: Tracer;
  /** Wall-clock budget of this evaluation (default: the engine's limits). */
  timeoutMs?: number;
  /**
   * Evaluations with the same scope, on the same input and program, share the virtual documents (rule values) and
   * function results computed so far, as the parts of one query do (see {@link EvalScope}).
   */
  scope?: EvalScope;
}

/**
 * What several queries on one input share: the rule values and function results one query computed are reused by the
 * next, as if they were parts of one query (OPA memoises the same per query). Without `with`, a rule's value and a
 * function's result depend only on the input, the data and the program, so sharing them changes no result. A scope
 * follows one input and program: a query with another input or program starts the scope afresh.
 *
 * Why: a caller that splits a large query into parts (the scanner evaluates policies group by group) can release what
 * only one part needed (`releaseDocuments`) while the parts share what they all need (a library's indexes over the
 * input, its functions' results per input value), computed once.
 */
export class EvalScope {
  private context: EvalContext | undefined;
  private program: Program | undefined;
  private input: RegoValue | undefined;

  /** @internal The evaluation context for a query of `program` on `input`. */
  contextFor(program: Program, input: RegoValue | undefined): EvalContext {
    if (!this.context || this.program !== program || this.input !== input) {
      this.context = new EvalContext(input, [], new Map());
      this.program = program;
      this.input = input;
    }
    return this.context;
  }

  /** Forgets the values of the rules and functions at and below each path under `data` (e.g. a policy's package). */
  releaseDocuments(paths: Iterable<readonly string[]>): void {
    const context = this.context;
    if (!context || !this.program) return;
    for (const path of paths) {
      for (const node of this.program.root.find(path)?.walk() ?? []) {
        context.cache.delete(node.id);
        context.calls.delete(node.id);
        context.objectCalls.delete(node.id);
      }
    }
  }
}

export interface RuleInfo {
  /** Absolute path, e.g. `data.iacpac.aws.s3.deny`. */
  path: string;
  kind: 'complete' | 'set' | 'function';
  file: string;
  row: number;
  col: number;
  annotations?: Record<string, unknown>;
  packageAnnotations?: Array<Record<string, unknown>>;
}

/** The term `data.<path>` of a built query (at `loc0`, no file: it is not part of any module, so coverage and traces
 * leave it out / call it `query`). */
function dataRefTerm(path: readonly string[]): Term {
  return { type: 'ref', head: { type: 'var', name: 'data', loc: loc0 }, path: path.map((p) => ({ type: 'scalar', value: p, loc: loc0 })), loc: loc0 };
}

export class RegoEngine {
  private readonly modules = new Map<string, Module>();
  /** Text of every file given to addModule, also those that did not parse (for diagnostics' ranges). */
  private readonly sources = new Map<string, string>();
  private data: RegoObject = new RegoObject();
  private program: Program | undefined;
  private readonly precompiled = new Map<Module, PrecompiledModule>();
  /** The builtins this engine compiles and evaluates against (OPA's, custom ones, capabilities). */
  readonly builtins = new BuiltinSet();

  constructor(readonly options: RegoEngineOptions = {}) {
    for (const b of options.builtins ?? []) this.builtins.register(b);
    if (options.capabilities) this.builtins.restrict(options.capabilities);
  }

  /**
   * Register a custom builtin: a dotted name, its declared operand and result types, and its implementation. Policies
   * compiled afterwards may call it; operands declared with a plain type are checked before `impl` runs.
   */
  registerBuiltin(builtin: CustomBuiltin): void {
    this.builtins.register(builtin);
    this.program = undefined;
  }

  /**
   * Parse and add a module (replacing one with the same file name). Throws RegoError on syntax errors. `v0` overrides
   * the engine's `v0Compatible` for this module (e.g. a bundle manifest's rego_version).
   */
  addModule(filename: string, text: string, options: { v0?: boolean } = {}): Module {
    this.sources.set(filename, text);
    const m = parseModule(filename, text, { v0: options.v0 ?? this.options.v0Compatible ?? false });
    this.modules.set(filename, m);
    this.program = undefined;
    return m;
  }

  /**
   * Add a module parsed before by `parseModule` (with this engine's syntax options), replacing one with the same file
   * name: a caller that compiles the same modules into several engines parses each once. Compiling reads the module
   * and changes nothing in it but the rules' `path` (the same for every compile).
   */
  addParsedModule(module: Module): void {
    this.sources.set(module.file, module.source);
    this.modules.set(module.file, module);
    this.program = undefined;
  }

  /**
   * Add a module with its rules compiled ahead of time (`encodePrecompiled` / `decodePrecompiled`), replacing one with
   * the same file name. Compiling places its rules in the program as they are; the caller vouches that they were
   * compiled by this compiler with the same builtins, in a program holding everything the module refers to.
   */
  addPrecompiledModule(pre: PrecompiledModule): void {
    this.addParsedModule(pre.module);
    this.precompiled.set(pre.module, pre);
  }

  /** Merge a JSON-like document (or Rego value) into the base data. */
  addData(json: unknown): void {
    const v = json instanceof RegoObject ? json : fromJS(json);
    if (!(v instanceof RegoObject)) throw new RegoError('rego_compile_error', 'data must be an object');
    this.data = mergeObjects(this.data, v);
  }

  /** Compile all modules (cached). Throws RegoCompileErrors listing every error. */
  compile(): Program {
    return (this.program ??= this.compileSome([...this.modules.values()]));
  }

  /**
   * Compile, leaving out the modules whose errors stop compilation, so that one broken policy does not stop the
   * others (a scanner running many independent policies). Each left-out module is returned with its errors and their
   * diagnostics; the program holds every other module. Modules that failed to parse never reach the engine (addModule
   * throws): report them from there.
   */
  compileSkippingBroken(): { program: Program; skipped: Array<{ file: string; errors: RegoError[]; diagnostics: Diagnostic[] }> } {
    const skipped: Array<{ file: string; errors: RegoError[]; diagnostics: Diagnostic[] }> = [];
    let remaining = [...this.modules.values()];
    for (;;) {
      try {
        this.program = this.compileSome(remaining);
        return { program: this.program, skipped };
      } catch (error) {
        if (!(error instanceof RegoCompileErrors)) throw error;
        const byFile = new Map<string, RegoError[]>();
        for (const e of error.errors) {
          // an error without a module location (engine-wide) blames every module: nothing can compile
          const file = e.location?.file && this.modules.has(e.location.file) ? e.location.file : undefined;
          if (file !== undefined) byFile.set(file, [...(byFile.get(file) ?? []), e]);
        }
        // an error without a module location (a compile stack overflow): the modules that fail on their own
        if (byFile.size === 0)
          for (const m of remaining) {
            try {
              this.compileSome([m]);
            } catch (alone) {
              if (alone instanceof RegoCompileErrors && alone.errors.some((e) => !e.location)) byFile.set(m.file, [...alone.errors]);
            }
          }
        if (byFile.size === 0) throw error;
        for (const [file, errors] of byFile) skipped.push({ file, errors, diagnostics: this.diagnostics(new RegoCompileErrors(errors)) ?? [] });
        remaining = remaining.filter((m) => !byFile.has(m.file));
      }
    }
  }

  private compileSome(modules: Module[]): Program {
    try {
      return compileModules(modules, this.builtins, { strict: this.options.strict ?? false, precompiled: this.precompiled });
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message))
        throw new RegoCompileErrors([new RegoError('rego_compile_error', `compilation exceeded the maximum stack depth: a rule or expression nests too deeply (the parser allows ${MAX_DEPTH} levels); split it into smaller rules`)]);
      throw error;
    }
  }

  /** Compile and report every error as a Diagnostic (empty when the modules are valid). */
  check(): Diagnostic[] {
    try {
      this.compile();
      return [];
    } catch (error) {
      const d = this.diagnostics(error);
      if (!d) throw error;
      return d;
    }
  }

  /** A Rego error (parse, compile, evaluation) as Diagnostics with source ranges in this engine's modules. */
  diagnostics(error: unknown): Diagnostic[] | undefined {
    return regoDiagnostics(error, (file) => this.sources.get(file));
  }

  getModules(): Module[] {
    return [...this.modules.values()];
  }

  prepare(query: string): PreparedQuery {
    const program = this.compile();
    const parsed = parseQuery(query, { v0: false });
    const body = compileQuery(parsed, program);
    return new PreparedQuery(this, program, body, query);
  }

  /** A query for the document at `data.<path>` (keys need not be identifiers: `["p", "a-b_test", "test_x"]`). */
  prepareRef(path: readonly string[]): PreparedQuery {
    return this.prepareTerm(dataRefTerm(path), refString(['data', ...path]));
  }

  /**
   * A query for the object `{key: data.<path>, ...}` (the query `{"k": data.p.q, ...}` without parsing it): one query
   * that reads several documents, e.g. the results of several policies.
   */
  prepareRefs(entries: ReadonlyArray<readonly [key: string, path: readonly string[]]>): PreparedQuery {
    const text = `{${entries.map(([key, path]) => `${JSON.stringify(key)}: ${refString(['data', ...path])}`).join(', ')}}`;
    const object: Term = { type: 'object', items: entries.map(([key, path]) => [{ type: 'scalar', value: key, loc: loc0 }, dataRefTerm(path)]), loc: loc0 };
    return this.prepareTerm(object, text);
  }

  /** A query of the one term `term`, built without parsing (`text` is how it reads). */
  private prepareTerm(term: Term, text: string): PreparedQuery {
    const program = this.compile();
    const body: Body = [{ kind: 'term', term, negated: false, withs: [], loc: { ...loc0, text }, index: 0 }];
    return new PreparedQuery(this, program, compileQuery(body, program), text);
  }

  /** Evaluate `data.a.b.rule` (or any ref) to a Rego value; undefined when the rule is undefined. */
  evalRule(path: string, options: EvalOptions = {}): RegoValue | undefined {
    const q = this.prepare(path);
    return q.evalValue(options);
  }

  /** All rules with their annotations (for scanners and docs). */
  listRules(): RuleInfo[] {
    const program = this.compile();
    const out: RuleInfo[] = [];
    const seen = new Set<string>();
    for (const r of program.rules) {
      const path = r.path.join('.');
      const key = `${path}@${r.source.loc.file}:${r.source.loc.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const info: RuleInfo = { path, kind: r.kind, file: r.source.loc.file, row: r.source.loc.row, col: r.source.loc.col };
      if (r.source.annotations) info.annotations = plainAnnotations(r.source.annotations);
      const pkgAnn = r.source.module.package.annotations;
      if (pkgAnn?.length) info.packageAnnotations = pkgAnn.map(plainAnnotations);
      out.push(info);
    }
    return out;
  }

  get baseData(): RegoObject {
    return this.data;
  }
}

function plainAnnotations(a: Annotations): Record<string, unknown> {
  const { loc: _loc, ...rest } = a;
  return rest;
}

export class PreparedQuery {
  private readonly vars: string[];
  constructor(
    private readonly engine: RegoEngine,
    private readonly program: Program,
    readonly body: Body,
    readonly text: string,
  ) {
    const vars = new Set<string>();
    for (const e of body) forEachExprVar(e, (n) => {
      if (!isGeneratedVar(n) && n !== 'input' && n !== 'data') vars.add(n);
    }, false);
    this.vars = [...vars];
  }

  private run(options: EvalOptions, emit: (env: Env, values: RegoValue[]) => boolean | void): void {
    const input = options.inputValue ?? (options.input === undefined ? undefined : fromJS(options.input));
    const print = options.print ?? this.engine.options.print;
    const limits = options.timeoutMs !== undefined ? { ...this.engine.options.limits, timeoutMs: options.timeoutMs } : this.engine.options.limits;
    const ev = new Evaluator(this.program, this.engine.baseData, {
      builtins: this.engine.builtins,
      strictBuiltinErrors: options.strictBuiltinErrors ?? this.engine.options.strictBuiltinErrors ?? false,
      allowNetwork: this.engine.options.allowNetwork ?? false,
      ...(limits ? { limits } : {}),
      ...(options.tracer ? { tracer: options.tracer } : {}),
      ...(print ? { print } : {}),
      ...(this.engine.options.runtime !== undefined ? { runtime: fromJS(this.engine.options.runtime) } : {}),
    });
    const ctx = options.scope ? options.scope.contextFor(this.program, input) : new EvalContext(input, [], new Map());
    const env: Env = new Map();
    const values: RegoValue[] = [];
    const body = this.body;
    options.tracer?.event({ op: 'enter', depth: 0, loc: body[0]?.loc });
    const rec = (i: number): boolean | void => {
      if (i >= body.length) return emit(env, values);
      const e = body[i]!;
      return ev.evalExpr(ctx, e, env, () => rec(i + 1), (v) => (values[e.index ?? i] = v));
    };
    try {
      rec(0);
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message))
        throw new RegoError('eval_cancel_error', 'evaluation exceeded the maximum stack depth (deep recursion or nesting)');
      throw error;
    }
  }

  /** Evaluate; results in OPA's result-set shape. */
  eval(options: EvalOptions = {}): ResultSet {
    const out: ResultSet = [];
    const texts = this.body
      .slice()
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .map((e) => ({ text: e.loc.text ?? '', location: { row: e.loc.row, col: e.loc.col }, index: e.index ?? 0 }));
    this.run(options, (env, values) => {
      const bindings: Record<string, unknown> = {};
      for (const v of this.vars) {
        const x = env.get(v);
        if (x !== undefined) bindings[v] = toJS(x);
      }
      out.push({
        expressions: texts.map((t) => ({ value: toJS(values[t.index] ?? true), text: t.text, location: t.location })),
        bindings,
      });
    });
    return out;
  }

  /** Evaluate and return raw Rego values: one map of bindings per solution. */
  evalBindings(options: EvalOptions = {}): Array<Map<string, RegoValue>> {
    const out: Array<Map<string, RegoValue>> = [];
    this.run(options, (env) => {
      const row = new Map<string, RegoValue>();
      for (const v of this.vars) {
        const x = env.get(v);
        if (x !== undefined) row.set(v, x);
      }
      out.push(row);
    });
    return out;
  }

  /** Value of the (single-expression) query's first solution, or undefined. */
  evalValue(options: EvalOptions = {}): RegoValue | undefined {
    let result: RegoValue | undefined;
    this.run(options, (_env, values) => {
      result = values[0];
      return true;
    });
    return result;
  }
}
