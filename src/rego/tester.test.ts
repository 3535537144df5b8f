import { describe, expect, it } from 'vitest';
import { RegoEngine } from './index.ts';
import { discoverTests, renameDuplicateTests, runTest, testDisplayName } from './tester.ts';
import { CoverageTracer } from './coverage.ts';
import { filterTrace, prettyTrace, RecordingTracer } from './trace-text.ts';

function engine(modules: Record<string, string>, v0 = false): RegoEngine {
  const e = new RegoEngine({ v0Compatible: v0 });
  for (const [file, text] of Object.entries(modules)) e.addModule(file, text);
  renameDuplicateTests(e.getModules());
  e.compile();
  return e;
}

function run(e: RegoEngine): Array<[string, string]> {
  return discoverTests(e).map((t) => [testDisplayName(t), runTest(e, t).status]);
}

describe('rego tester (opa test semantics)', () => {
  it('runs a test in a package whose path is not an identifier (B6)', () => {
    const e = engine({ 'p.rego': 'package p["a-b_test"]\nimport rego.v1\ntest_x if true\n' });
    expect(run(e)).toEqual([['data.p["a-b_test"].test_x', 'pass']]);
  });

  it('runs every definition of a repeated test name as its own test (test_x#01)', () => {
    const e = engine({ 't.rego': 'package t\ntest_x { true }\ntest_x { false }\ntest_x { 1 == 1 }\n' }, true);
    expect(run(e)).toEqual([
      ['data.t.test_x', 'pass'],
      ['data.t.test_x#01', 'fail'],
      ['data.t.test_x#02', 'pass'],
    ]);
  });

  it('passes only when the test value is true; todo_test_ rules are skipped; errors are errors', () => {
    const e = engine({ 't.rego': 'package t\nimport rego.v1\ntest_one := 1\ntodo_test_later if false\ntest_conflict := x if { some x in [1, 2] }\n' });
    expect(run(e)).toEqual([
      ['data.t.test_one', 'fail'],
      ['data.t.todo_test_later', 'skip'],
      ['data.t.test_conflict', 'error'],
    ]);
  });

  it('reports the cases of a parameterised test, failed cases included', () => {
    const e = engine({
      't.rego': 'package t\nimport rego.v1\ntest_cases[tc.note] if {\n\tsome tc in [{"note": "one", "v": 1}, {"note": "two", "v": 2}]\n\ttc.v == 1\n}\n',
    });
    const [test] = discoverTests(e);
    const r = runTest(e, test!);
    expect(r.status).toBe('fail');
    expect(r.subResults).toEqual([
      { name: 'one', fail: false },
      { name: 'two', fail: true },
    ]);
  });

  it('captures print() output per test', () => {
    const e = engine({ 't.rego': 'package t\nimport rego.v1\ntest_p if { print("hello", 1) }\n' });
    const [test] = discoverTests(e);
    expect(runTest(e, test!).output).toEqual(['hello 1']);
  });

  it('filters tests with --run on data.pkg.name', () => {
    const e = engine({ 't.rego': 'package t\nimport rego.v1\ntest_a if true\ntest_b if true\n' });
    expect(discoverTests(e, /test_b$/).map(testDisplayName)).toEqual(['data.t.test_b']);
  });
});

describe('coverage report (opa test --coverage shape)', () => {
  it('marks evaluated expressions and succeeded rule heads covered, the rest not covered', () => {
    const policy = 'package c\nimport rego.v1\n\nallow if {\n\tinput.x == 1\n\tinput.y == 2\n}\n\nunused if {\n\tinput.z\n}\n';
    const tests = 'package c\nimport rego.v1\n\ntest_allow if allow with input as {"x": 1, "y": 2}\n';
    const e = engine({ 'c.rego': policy, 'c_test.rego': tests });
    const cover = new CoverageTracer();
    for (const t of discoverTests(e)) runTest(e, t, { tracer: cover });
    const report = cover.report(e.getModules());
    expect(report.files['c.rego']).toEqual({
      covered: [{ start: { row: 4 }, end: { row: 6 } }],
      not_covered: [{ start: { row: 9 }, end: { row: 10 } }],
      covered_lines: 3,
      not_covered_lines: 2,
      coverage: 60,
    });
    expect(report.files['c_test.rego']).toEqual({ covered: [{ start: { row: 4 }, end: { row: 4 } }], covered_lines: 1, coverage: 100 });
    expect(report.covered_lines).toBe(4);
    expect(report.not_covered_lines).toBe(2);
    expect(report.coverage).toBeCloseTo(66.667, 2);
  });
});

describe('explain traces', () => {
  it('prints OPA-style lines and filters failures and notes with their rule lineage', () => {
    const e = engine({ 'x.rego': 'package x\nimport rego.v1\np if {\n\ttrace("checking")\n\tinput.a == 1\n}\n' });
    const tracer = new RecordingTracer();
    e.prepare('data.x.p').eval({ input: { a: 2 }, tracer });
    const fails = prettyTrace(filterTrace(tracer.events, 'fails'));
    expect(fails).toEqual(['query:1  Enter data.x.p', 'x.rego:3 | Enter data.x.p', 'x.rego:5 | Fail input.a == 1', 'query:1  Fail data.x.p']);
    expect(prettyTrace(filterTrace(tracer.events, 'notes'))).toEqual(['query:1  Enter data.x.p', 'x.rego:3 | Enter data.x.p', 'x.rego:4 | Note "checking"']);
    expect(filterTrace(tracer.events, 'full').length).toBeGreaterThan(6);
  });
});
