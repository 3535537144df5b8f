import { describe, expect, it } from 'vitest';
import { EvalScope, RegoEngine, RegoCompileErrors, RegoError, parseJSON, regoDiagnostics } from './index.ts';
import { fromJS, toJS, type RegoObject } from './value.ts';
import type { CustomBuiltin } from './builtin-set.ts';
import { collectGarbage } from '../core/collect-garbage.ts';

function engine(modules: Record<string, string>, options: ConstructorParameters<typeof RegoEngine>[0] = {}): RegoEngine {
  const e = new RegoEngine(options);
  for (const [file, text] of Object.entries(modules)) e.addModule(file, text);
  return e;
}

function errorOf(f: () => unknown): RegoError | RegoCompileErrors {
  try {
    f();
  } catch (error) {
    if (error instanceof RegoError || error instanceof RegoCompileErrors) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('RegoEngine API', () => {
  it('returns OPA result sets with expressions and bindings', () => {
    const e = engine({ 'p.rego': 'package p\nimport rego.v1\nxs := [1, 2, 3]\n' });
    expect(e.prepare('x := data.p.xs[i]; x > 1').eval()).toEqual([
      { expressions: [{ value: true, text: 'x := data.p.xs[i]', location: { row: 1, col: 1 } }, { value: true, text: 'x > 1', location: { row: 1, col: 20 } }], bindings: { x: 2, i: 1 } },
      { expressions: [{ value: true, text: 'x := data.p.xs[i]', location: { row: 1, col: 1 } }, { value: true, text: 'x > 1', location: { row: 1, col: 20 } }], bindings: { x: 3, i: 2 } },
    ]);
  });

  it('reuses a prepared query across inputs', () => {
    const e = engine({ 'p.rego': 'package p\nimport rego.v1\ndeny contains r.name if { some r in input.rs; r.public }\n' });
    const q = e.prepare('data.p.deny');
    expect(q.eval({ input: { rs: [{ name: 'a', public: true }, { name: 'b', public: false }] } })[0]!.expressions[0]!.value).toEqual(['a']);
    expect(q.eval({ input: { rs: [] } })[0]!.expressions[0]!.value).toEqual([]);
  });

  it('parses Rego v0 modules with v0Compatible, including future keywords', () => {
    const e = engine(
      {
        'v0.rego': `package terraform.validation
import future.keywords.in
default ok = false
ok { some r in input.resources; r.type == "aws_s3_bucket" }
names[n] { n := input.resources[_].name }
contains(arr, x) { arr[_] = x }
has_b { contains(["a", "b"], "b") }`,
      },
      { v0Compatible: true },
    );
    const v = e.evalRule('data.terraform.validation', { input: { resources: [{ type: 'aws_s3_bucket', name: 'b' }] } });
    expect(toJS(v!)).toEqual({ ok: true, names: ['b'], has_b: true });
  });

  it('keeps big integers exact from JSON input', () => {
    const e = engine({ 'p.rego': 'package p\nimport rego.v1\nn := input.n + 1\n' });
    expect(e.prepare('data.p.n').eval({ inputValue: parseJSON('{"n": 18446744073709551614}') })[0]!.expressions[0]!.value).toBe(18446744073709551615n);
  });

  it('lists rules with METADATA annotations', () => {
    const e = engine({
      'a.rego': `# METADATA
# title: Bucket is private
# custom:
#   severity: high
package a
import rego.v1

# METADATA
# title: deny public buckets
deny contains "x" if input.public
`,
    });
    const rules = e.listRules();
    expect(rules.map((r) => [r.path, r.annotations?.title, r.packageAnnotations?.[0]?.title])).toEqual([['data.a.deny', 'deny public buckets', 'Bucket is private']]);
  });

  it('reports compile errors at file:line:col with OPA codes', () => {
    const err = errorOf(() => engine({ 'bad.rego': 'package x\nimport rego.v1\np if { y > 1 }\n' }).compile());
    expect(err.message).toBe('bad.rego:3:8: rego_unsafe_var_error: var y is unsafe');
    const parse = errorOf(() => engine({ 'syntax.rego': 'package x\np := [1,\n' }));
    expect(parse.message).toMatch(/^syntax\.rego:\d+:\d+: rego_parse_error: /);
    const rec = errorOf(() => engine({ 'r.rego': 'package r\nimport rego.v1\np if q\nq if p\n' }).compile());
    expect(rec.message).toContain('rego_recursion_error: rule data.r.p is recursive: data.r.p -> data.r.q -> data.r.p');
  });

  it('reports compile errors as Diagnostic records (those of the first failing stage, as OPA)', () => {
    const e = engine({ 'bad.rego': 'package x\nimport rego.v1\np if { y > 1 }\nq := count(1)\n' });
    expect(e.check()).toEqual([
      { severity: 'error', summary: 'var y is unsafe', detail: '', source: 'rego', code: 'rego_unsafe_var_error', range: { filename: 'bad.rego', start: { line: 3, column: 8, byte: 32 }, end: { line: 3, column: 9, byte: 33 } } },
    ]);
    expect(engine({ 'bad.rego': 'package x\nimport rego.v1\nq := count(1)\n' }).check()).toEqual([
      {
        severity: 'error',
        summary: 'count: invalid argument(s)',
        detail: 'have: (number)\nwant: (any<array[any], object[any: any], set[any], string>)',
        source: 'rego',
        code: 'rego_type_error',
        range: { filename: 'bad.rego', start: { line: 3, column: 6, byte: 30 }, end: { line: 3, column: 14, byte: 38 } },
      },
    ]);
    expect(engine({ 'ok.rego': 'package x\np := 1\n' }).check()).toEqual([]);
  });

  it('gives parse errors the byte range of the offending token (UTF-8 offsets)', () => {
    const e = new RegoEngine();
    const error = errorOf(() => e.addModule('p.rego', 'package x\n# héllo\np := ] 1\n'));
    expect(e.diagnostics(error)).toEqual([
      {
        severity: 'error',
        summary: 'unexpected ] token',
        detail: '',
        source: 'rego',
        code: 'rego_parse_error',
        range: { filename: 'p.rego', start: { line: 3, column: 6, byte: 24 }, end: { line: 3, column: 7, byte: 25 } },
      },
    ]);
    // without the source, the location is named in the detail
    expect(regoDiagnostics(error)?.[0]?.detail).toBe('at p.rego:3:6');
  });

  it('compiles around broken modules, reporting each with its errors (one bad policy does not stop the others)', () => {
    const e = engine({ 'good.rego': 'package good\nimport rego.v1\np := 1\n', 'bad.rego': 'package bad\nimport rego.v1\nq if { y > 1 }\n' });
    expect(() => e.compile()).toThrow(RegoCompileErrors);
    const { skipped } = e.compileSkippingBroken();
    expect(skipped.map((s) => [s.file, s.errors.map((x) => x.message)])).toEqual([['bad.rego', ['bad.rego:3:8: rego_unsafe_var_error: var y is unsafe']]]);
    expect(skipped[0]!.diagnostics[0]!.range?.start).toEqual({ line: 3, column: 8, byte: 34 });
    expect(toJS(e.evalRule('data.good.p')!)).toBe(1);
  });

  it('refuses an expression nested beyond the bound with one line naming it (no RangeError)', () => {
    const e = new RegoEngine();
    const err = errorOf(() => e.addModule('deep.rego', `package deep\nr := ${Array.from({ length: 2000 }, () => '1').join(' + ')}\n`));
    expect(err.message.split('\n')).toHaveLength(1);
    expect(err.message).toMatch(/^deep\.rego:2:\d+: rego_parse_error: maximum nesting depth exceeded \(more than 250 nested brackets, calls or chained operators\)/);
  });

  it('raises conflicts at evaluation time', () => {
    const e = engine({ 'c.rego': 'package c\nimport rego.v1\np := 1\np := 2\n' });
    const err = errorOf(() => e.prepare('data.c.p').eval());
    expect(err.message).toBe('c.rego:4: eval_conflict_error: complete rules must not produce multiple outputs');
  });
});

describe('hostile policies are bounded', () => {
  it('stops a huge comprehension at the time limit', () => {
    const e = engine({ 'h.rego': 'package h\nimport rego.v1\nn := count([1 | some a in numbers.range(1, 100000); some b in numbers.range(1, 100000)])\n' }, { limits: { timeoutMs: 300 } });
    const t0 = Date.now();
    const err = errorOf(() => e.prepare('data.h.n').eval());
    expect(err.message).toContain('eval_cancel_error: evaluation timed out');
    expect(Date.now() - t0).toBeLessThan(30_000); // a hang guard 100x the 300 ms limit, not a speed check
  });

  it('stops at the step limit', () => {
    const e = engine({ 'h.rego': 'package h\nimport rego.v1\nn := count([1 | some a in numbers.range(1, 100000)])\n' }, { limits: { maxSteps: 1000 } });
    expect(errorOf(() => e.prepare('data.h.n').eval()).message).toContain('evaluation exceeded the step limit (1000)');
  });

  it('rejects infinite recursion at compile time', () => {
    const err = errorOf(() => engine({ 'f.rego': 'package f\nimport rego.v1\nf(x) := f(x + 1)\np := f(1)\n' }).compile());
    expect(err.message).toContain('rego_recursion_error: rule data.f.f is recursive');
  });

  it('rejects deep nesting with a parse error instead of a stack overflow', () => {
    const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    const err = errorOf(() => engine({ 'd.rego': `package d\np := ${deep}\n` }));
    expect(err.message).toContain('rego_parse_error: maximum nesting depth exceeded');
  });

  it('bounds deep rule chains with a clear error', () => {
    const rules = Array.from({ length: 1000 }, (_, i) => `r${i} := r${i + 1}`).join('\n');
    const e = engine({ 'c.rego': `package c\nimport rego.v1\n${rules}\nr1000 := 1\n` });
    const err = errorOf(() => e.prepare('data.c.r0').eval());
    expect(err.message).toMatch(/eval_cancel_error: (maximum rule evaluation depth exceeded|evaluation exceeded the maximum stack depth)/);
  });

  it('evaluates a 5 MB input', () => {
    const resources = Array.from({ length: 25_000 }, (_, i) => ({ address: `aws_s3_bucket.b${i}`, type: 'aws_s3_bucket', values: { bucket: `bucket-${i}`, acl: i % 2 ? 'private' : 'public-read', tags: { Name: `n${i}`, Owner: 'platform-team', CostCenter: `cc-${i % 97}` }, versioning: [{ enabled: true, mfa_delete: false }] } }));
    const text = JSON.stringify({ planned_values: { root_module: { resources } } });
    expect(text.length).toBeGreaterThan(5_000_000);
    const e = engine({ 'p.rego': 'package p\nimport rego.v1\npublic contains r.address if { some r in input.planned_values.root_module.resources; r.values.acl == "public-read" }\n' });
    const v = e.evalRule('data.p.public', { inputValue: parseJSON(text) });
    expect((toJS(v!) as unknown[]).length).toBe(12_500);
  });
});

describe('function calls', () => {
  it('memoises function calls per query like OPA: the same arguments evaluate the body once, a `with` scope anew', () => {
    const e = engine({
      'p.rego': [
        'package p',
        'import rego.v1',
        'f(x) := y if {',
        '	print("f", x.n)',
        '	y := x.n * 2',
        '}',
        'g(x) := "big" if x.n > 1 else := "small"',
        'results := [f(r) | some r in input.rs]',
        'twice := [f(input.rs[0]), f(input.rs[0]), f({"n": 5})]',
        'sizes := [g(r) | some r in input.rs]',
        'mocked := v if v := f(input.rs[0]) with input.rs as [{"n": 7}]',
      ].join('\n'),
    });
    const lines: string[] = [];
    const input = { rs: [{ n: 1 }, { n: 2 }] };
    const value = e.prepare('[data.p.results, data.p.twice, data.p.sizes, data.p.mocked]').eval({ input, print: (line) => lines.push(line) })[0]!.expressions[0]!.value;
    expect(value).toEqual([[2, 4], [2, 2, 10], ['small', 'big'], 14]);
    // f(rs[0]) and f(rs[1]) once each (twice reuses them), f({"n": 5}) once, f under `with` once.
    expect(lines.sort()).toEqual(['f 1', 'f 2', 'f 5', 'f 7'].sort());
    // Traced evaluations see every call.
    const traced: string[] = [];
    e.prepare('data.p.twice').eval({ input, print: (line) => traced.push(line), tracer: { event: () => {} } });
    expect(traced).toEqual(['f 1', 'f 1', 'f 5']);
  });

  it('memoises calls of several parameters per argument list, however many share a first argument', () => {
    // h(r, k): 12 distinct second arguments per first argument (past the flat list's 8), each asked twice.
    const e = engine({
      'p.rego': [
        'package p',
        'import rego.v1',
        'h(x, k, z) := sprintf("%v-%v-%v", [x.n, k, z]) if print("h", x.n, k, z)',
        'calls := [h(r, k, z) | some r in input.rs; some k in numbers.range(1, 12); some z in ["a", "a"]]',
      ].join('\n'),
    });
    const lines: string[] = [];
    const input = { rs: [{ n: 1 }, { n: 2 }] };
    const value = e.prepare('data.p.calls').eval({ input, print: (line) => lines.push(line) })[0]!.expressions[0]!.value as string[];
    const expected = input.rs.flatMap((r) => Array.from({ length: 12 }, (_, i) => [`${r.n}-${i + 1}-a`, `${r.n}-${i + 1}-a`]).flat());
    expect(value).toEqual(expected);
    expect(lines.length).toBe(24);
    expect(new Set(lines).size).toBe(24);
  });

  it('shares rule values and function results between queries of one scope, until they are released', () => {
    const e = engine({
      'lib.rego': ['package lib', 'import rego.v1', 'f(x) := x.n * 2 if print("f", x.n)', 'index := {r.n | some r in input.rs; print("index", r.n)}'].join('\n'),
      'a.rego': ['package a', 'import rego.v1', 'deny contains y if { some r in input.rs; data.lib.index[r.n]; y := data.lib.f(r); print("a", y) }'].join('\n'),
      'b.rego': ['package b', 'import rego.v1', 'deny contains y if { some r in input.rs; y := data.lib.f(r) + 1 }'].join('\n'),
    });
    const input = parseJSON('{"rs": [{"n": 1}, {"n": 2}]}');
    const lines: string[] = [];
    const print = (line: string): void => void lines.push(line);
    const scope = new EvalScope();
    const a = e.prepareRefs([['a', ['a', 'deny']]]);
    const b = e.prepareRefs([['b', ['b', 'deny']]]);
    expect(toJS(a.evalValue({ inputValue: input, print, scope }) as never)).toEqual({ a: [2, 4] });
    expect(toJS(b.evalValue({ inputValue: input, print, scope }) as never)).toEqual({ b: [3, 5] });
    // The second query reused the index and f's results.
    expect(lines.sort()).toEqual(['a 2', 'a 4', 'f 1', 'f 2', 'index 1', 'index 2']);
    lines.length = 0;
    expect(toJS(a.evalValue({ inputValue: input, print, scope }) as never)).toEqual({ a: [2, 4] });
    expect(lines).toEqual([]);
    // Released, a's rules are evaluated again; the library's values are still shared.
    scope.releaseDocuments([['a']]);
    expect(toJS(a.evalValue({ inputValue: input, print, scope }) as never)).toEqual({ a: [2, 4] });
    expect(lines.sort()).toEqual(['a 2', 'a 4']);
    lines.length = 0;
    // Another input starts afresh.
    expect(toJS(b.evalValue({ inputValue: parseJSON('{"rs": [{"n": 3}]}'), print, scope }) as never)).toEqual({ b: [7] });
    expect(lines).toEqual(['f 3']);
    // Without a scope, every query computes everything.
    lines.length = 0;
    b.evalValue({ inputValue: input, print });
    expect(lines.sort()).toEqual(['f 1', 'f 2']);
  });

  it('does not keep a composite argument that only a call held for the scope (its results go with it)', async () => {
    // `doc.new` builds a fresh object per call (as json.unmarshal does); the scope's function results must not keep it.
    const made: Array<WeakRef<object>> = [];
    const newDoc: CustomBuiltin = {
      name: 'doc.new',
      args: [{ type: 'number' }],
      result: { type: 'any' },
      impl: ([n]) => {
        const doc = fromJS({ n, pad: Array.from({ length: 100 }, (_, i) => `${String(n)}-${i}`) }) as RegoObject;
        made.push(new WeakRef(doc));
        return doc;
      },
    };
    const e = engine({
      'lib.rego': ['package lib', 'import rego.v1', 'f(x) := count(x.pad)', 'g(x, k) := x[k]'].join('\n'),
      'a.rego': ['package a', 'import rego.v1', 'deny contains [n, y, z] if { some n in numbers.range(1, 50); y := data.lib.f(doc.new(n)); z := data.lib.g(doc.new(n), "n") }'].join('\n'),
    }, { builtins: [newDoc] });
    const scope = new EvalScope();
    const a = e.prepareRefs([['a', ['a', 'deny']]]);
    const input = parseJSON('{}');
    const first = toJS(a.evalValue({ inputValue: input, scope }) as never) as { a: unknown[] };
    expect(first.a).toHaveLength(50);
    expect(first.a[0]).toEqual([1, 100, 1]);
    expect(made).toHaveLength(100);
    // A WeakRef keeps its target until the current task ends; then a full collection frees what only the scope held.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(made.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    // The scope (still in use here, so it was not collected itself) answers the query again.
    expect(toJS(a.evalValue({ inputValue: input, scope }) as never)).toEqual(first);
  });
});
