/**
 * Rego tests as OPA's tester runs them: rules named `test_*` (and `todo_test_*`, reported as skipped) in any package;
 * a test passes when its value is `true`. Repeated definitions of one test name in a package run as separate tests
 * named `test_x`, `test_x#01`, `test_x#02`, ... (OPA's rewriteDuplicateTestNames). Each test runs in its own
 * evaluation with a time budget, capturing print() output.
 *
 * Parameterised tests (`test_x[name] if { some name in ...; ... }`, an object of cases) report one sub-result per case:
 * a case passes when its value is `true`; a case that was entered (the key bound) but whose body then failed is a
 * failed sub-result. The tester marks the point where the case is known with `internal.test_case([key])`, as OPA's
 * injectTestCaseFunc does.
 */
import type { Body, Expr, Module, Term } from './syntax/ast.ts';
import type { CompiledRule } from './compiler/rule-tree.ts';
import { RegoObject, toJSONText, type RegoValue } from './value.ts';
import { forEachExprVar, forEachVar } from './compiler/terms.ts';
import { refString } from './syntax/ref-string.ts';
import { RegoCompileErrors, RegoError } from './syntax/errors.ts';
import type { RegoEngine } from './index.ts';
import type { Tracer } from './eval/types.ts';

const TEST_PREFIX = 'test_';
const SKIP_PREFIX = 'todo_test_';

export interface RegoTest {
  /** `data.pkg` as OPA prints package refs (`data.p["a-b_test"]`). */
  readonly package: string;
  /** Test name, with `#NN` for repeated definitions. */
  readonly name: string;
  /** Path below `data`: package path + name. */
  readonly path: readonly string[];
  readonly file: string;
  readonly row: number;
  readonly col: number;
  /** `todo_test_*`: reported as skipped, not run. */
  readonly skip: boolean;
  /** A parameterised test (its head has keys after the name): one sub-result per case. */
  readonly parameterised: boolean;
}

export interface RegoSubResult {
  /** The case's keys (OPA prints them as JSON-ish text). */
  readonly name: string;
  readonly fail: boolean;
}

export interface RegoTestResult {
  readonly test: RegoTest;
  readonly status: 'pass' | 'fail' | 'error' | 'skip';
  readonly durationNs: number;
  readonly error?: RegoError;
  /** print() output, one entry per line. */
  readonly output: readonly string[];
  /** The cases of a parameterised test. */
  readonly subResults?: readonly RegoSubResult[];
}

/** `data.pkg.test_x` as OPA prints a test (package ref, then the name as is). */
export function testDisplayName(test: RegoTest): string {
  return `${test.package}.${test.name}`;
}

function headName(rule: Module['rules'][number]): string | undefined {
  const first = rule.head.ref[0];
  return first?.type === 'var' ? first.name : undefined;
}

/** Keys after the test name (`test_x[name]`): a parameterised test when there are any. */
function isParameterised(rule: Module['rules'][number]): boolean {
  return rule.head.ref.length > 1;
}

/**
 * Rename the second and later definitions of a test name in a package to `name#01`, `name#02`, ... in place, in
 * file-name order (call before compiling).
 */
export function renameDuplicateTests(modules: readonly Module[]): void {
  const count = new Map<string, number>();
  for (const m of [...modules].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    for (const rule of m.rules) {
      const name = headName(rule);
      if (name === undefined || !name.startsWith(TEST_PREFIX) || rule.head.args) continue;
      const key = [...m.package.path, name].join('\u0000');
      const seen = count.get(key);
      if (seen !== undefined) {
        const first = rule.head.ref[0]!;
        const renamed = `${name}#${String(seen).padStart(2, '0')}`;
        rule.head.ref = [{ ...first, type: 'var', name: renamed } as typeof first, ...rule.head.ref.slice(1)];
        for (let e = rule.elseRule; e; e = e.elseRule) e.head = { ...e.head, ref: rule.head.ref };
      }
      count.set(key, (seen ?? 0) + 1);
    }
  }
}

/** The tests of the engine's modules, in file order then source order, filtered by `run` (matched on `data.pkg.name`). */
export function discoverTests(engine: RegoEngine, run?: RegExp): RegoTest[] {
  const tests: RegoTest[] = [];
  const modules = [...engine.getModules()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of modules) {
    const pkg = refString(['data', ...m.package.path]);
    for (const rule of m.rules) {
      const name = headName(rule);
      if (name === undefined || rule.head.args || rule.isDefault) continue;
      const skip = name.startsWith(SKIP_PREFIX);
      if (!skip && !name.startsWith(TEST_PREFIX)) continue;
      const test: RegoTest = { package: pkg, name, path: [...m.package.path, name], file: m.file, row: rule.loc.row, col: rule.loc.col, skip, parameterised: isParameterised(rule) };
      if (run && !run.test(testDisplayName(test))) continue;
      tests.push(test);
    }
  }
  return tests;
}

export interface RunTestOptions {
  /** Time budget per test (OPA's default: 5 s). */
  timeoutMs?: number;
  tracer?: Tracer;
}

/** Run one test in a fresh evaluation. */
export function runTest(engine: RegoEngine, test: RegoTest, options: RunTestOptions = {}): RegoTestResult {
  const output: string[] = [];
  if (test.skip) return { test, status: 'skip', durationNs: 0, output };
  if (test.parameterised) injectTestCases(engine);
  const t0 = process.hrtime.bigint();
  let status: RegoTestResult['status'];
  let error: RegoError | undefined;
  let subResults: RegoSubResult[] | undefined;
  const cases: RegoValue[] = [];
  const outer = options.tracer;
  const tracer: Tracer | undefined = test.parameterised
    ? { event: (e) => (e.op === 'testcase' && e.values !== undefined ? cases.push(e.values) : undefined, outer?.event(e)) }
    : outer;
  try {
    const value = engine.prepareRef(test.path).evalValue({
      timeoutMs: options.timeoutMs ?? 5_000,
      print: (line) => output.push(line),
      ...(tracer ? { tracer } : {}),
    });
    if (test.parameterised && value instanceof RegoObject) {
      subResults = caseResults(value, cases);
      status = subResults.some((r) => r.fail) ? 'fail' : 'pass';
    } else status = value === true ? 'pass' : 'fail';
  } catch (e) {
    if (e instanceof RegoCompileErrors) error = e.errors[0];
    else if (e instanceof RegoError) error = e;
    else throw e;
    status = 'error';
  }
  const durationNs = Number(process.hrtime.bigint() - t0);
  return { test, status, durationNs, ...(error ? { error } : {}), output, ...(subResults ? { subResults } : {}) };
}

const caseName = (keys: readonly RegoValue[]): string => keys.map((k) => (typeof k === 'string' ? k : toJSONText(k))).join('.');

/** Sub-results: every case in the value (passing when `true`), and every entered case missing from it (failed). */
function caseResults(value: RegoObject, entered: readonly RegoValue[]): RegoSubResult[] {
  const out = new Map<string, RegoSubResult>();
  const visit = (v: RegoValue, keys: RegoValue[]): void => {
    if (v instanceof RegoObject && keys.length) {
      for (const [k, x] of v.sortedEntries()) visit(x, [...keys, k]);
      return;
    }
    out.set(caseName(keys), { name: caseName(keys), fail: v !== true });
  };
  for (const [k, v] of value.sortedEntries()) visit(v, [k]);
  for (const c of entered) {
    const name = caseName(Array.isArray(c) ? c : [c]);
    if (![...out.keys()].some((n) => n === name || n.startsWith(`${name}.`))) out.set(name, { name, fail: true });
  }
  return [...out.values()];
}

const injected = new WeakSet<object>();

/**
 * Mark where each case of the engine's parameterised tests is known: after the expressions that bind its keys, with a
 * generated key assignment moved up to just after what it needs (OPA's injectTestCaseFunc), so a case whose checks
 * then fail is still reported.
 */
function injectTestCases(engine: RegoEngine): void {
  const program = engine.compile();
  if (injected.has(program)) return;
  injected.add(program);
  for (const rule of program.rules) {
    const name = rule.path[rule.path.length - 1] ?? '';
    if (!name.startsWith(TEST_PREFIX) || rule.keyTerms.length === 0 || rule.kind !== 'complete') continue;
    for (let r: CompiledRule | undefined = rule; r; r = r.elseRule) r.body = withTestCase(r.body, r.keyTerms);
  }
}

function withTestCase(input: Body, keys: readonly Term[]): Body {
  const body = [...input];
  const keyVars = new Set<string>();
  for (const k of keys) forEachVar(k, (n) => keyVars.add(n));
  // pass 1: a generated assignment of a key (`__head1__ = tc.note`) moves up to just after the expressions it needs
  for (let i = body.length - 1; i >= 0; i--) {
    const e = body[i]!;
    if (e.kind !== 'unify' || e.negated || e.left.type !== 'var' || !keyVars.has(e.left.name) || !e.left.name.startsWith('__head')) continue;
    const needs = new Set<string>();
    forEachVar(e.right, (n) => needs.add(n), true);
    // the latest of the first occurrences of what it needs
    const first = new Map<string, number>();
    for (let j = 0; j < i; j++) forEachExprVar(body[j]!, (n) => void (needs.has(n) && !first.has(n) && first.set(n, j)), true);
    const after = Math.max(-1, ...first.values());
    if (after + 1 < i) {
      body.splice(i, 1);
      body.splice(after + 1, 0, e);
    }
  }
  // pass 2: the marker goes after the first occurrence of the last key to appear
  let below = -1;
  for (const v of keyVars) {
    const first = body.findIndex((e) => {
      let found = false;
      forEachExprVar(e, (n) => void (n === v && (found = true)), true);
      return found;
    });
    below = Math.max(below, first);
  }
  const loc = body[Math.max(0, below)]?.loc ?? input[0]!.loc;
  const marker: Expr = {
    kind: 'term',
    term: { type: 'call', name: 'internal.test_case', nameTerm: { type: 'var', name: 'internal.test_case', loc }, args: [{ type: 'array', items: [...keys], loc }], loc },
    negated: false,
    withs: [],
    loc,
  };
  body.splice(below + 1, 0, marker);
  return body;
}
