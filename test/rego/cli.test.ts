// End-to-end: `iacpac rego eval|check|test` spawned as a real process.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iacpacSync } from '../helpers/cli.ts';

const iacpac = (...args: string[]) => iacpacSync(args, { env: process.env });

const dir = mkdtempSync(join(tmpdir(), 'iacpac-rego-'));
writeFileSync(
  join(dir, 'policy.rego'),
  'package example\n\nimport rego.v1\n\ndeny contains msg if {\n\tsome r in input.resources\n\tr.public\n\tmsg := sprintf("%s is public", [r.name])\n}\n\nallow if count(deny) == 0\n',
);
writeFileSync(
  join(dir, 'policy_test.rego'),
  'package example\n\nimport rego.v1\n\ntest_allow if allow with input as {"resources": []}\n\ntest_deny if count(deny) == 1 with input as {"resources": [{"name": "a", "public": true}]}\n',
);
writeFileSync(join(dir, 'input.json'), '{"resources": [{"name": "b", "public": true}]}');
const broken = mkdtempSync(join(tmpdir(), 'iacpac-rego-bad-'));
writeFileSync(join(broken, 'bad.rego'), 'package bad\n\nimport rego.v1\n\np if {\n\ty > 1\n}\n');
writeFileSync(join(broken, 'bad_test.rego'), 'package bad\n\nimport rego.v1\n\ntest_fails if 1 == 2\n');

describe('iacpac rego', () => {
  it('eval prints opa eval --format json output', () => {
    const r = iacpac('rego', 'eval', '-d', join(dir, 'policy.rego'), '-i', join(dir, 'input.json'), 'data.example.deny');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      result: [{ expressions: [{ value: ['b is public'], text: 'data.example.deny', location: { row: 1, col: 1 } }] }],
    });
  });

  it('eval prints bindings and an empty object when undefined', () => {
    const r = iacpac('rego', 'eval', 'x := [1, 2][i]');
    expect(JSON.parse(r.stdout).result.map((row: { bindings: unknown }) => row.bindings)).toEqual([{ x: 1, i: 0 }, { x: 2, i: 1 }]);
    expect(JSON.parse(iacpac('rego', 'eval', '1 == 2').stdout)).toEqual({});
  });

  it('eval --fail / --fail-defined set the exit code like opa eval', () => {
    expect(iacpac('rego', 'eval', '--fail', '1 == 2').code).toBe(1);
    expect(iacpac('rego', 'eval', '--fail', '1 == 1').code).toBe(0);
    expect(iacpac('rego', 'eval', '--fail-defined', '1 == 1').code).toBe(1);
    expect(iacpac('rego', 'eval', '--fail-defined', '1 == 2').code).toBe(0);
  });

  it('eval reports query errors in opa eval\'s errors shape (exit 1)', () => {
    const r = iacpac('rego', 'eval', 'x := ');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      errors: [{ message: 'unexpected eof token', code: 'rego_parse_error', location: { file: 'query', row: 1, col: 6 } }],
    });
  });

  it('eval of a 2,000-term expression is one parse error naming the nesting bound (it was a RangeError in the compiler)', () => {
    const deep = mkdtempSync(join(tmpdir(), 'iacpac-rego-deep-'));
    writeFileSync(join(deep, 'deep.rego'), `package deep\n\nr := ${Array.from({ length: 2000 }, () => '1').join(' + ')}\n`);
    const r = iacpac('rego', 'eval', '-d', join(deep, 'deep.rego'), 'data.deep.r');
    expect(r.code).toBe(1); // opa eval's exit code for errors
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      errors: [
        {
          message: 'maximum nesting depth exceeded (more than 250 nested brackets, calls or chained operators): split the expression into smaller ones',
          code: 'rego_parse_error',
          location: { file: join(deep, 'deep.rego'), row: 3, col: expect.any(Number) },
        },
      ],
    });
  });

  it('check exits 1 with errors at file:line:col', () => {
    const r = iacpac('rego', 'check', join(broken, 'bad.rego'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(broken, 'bad.rego')}:6:2: rego_unsafe_var_error: var y is unsafe`);
    expect(iacpac('rego', 'check', dir).code).toBe(0);
    const json = iacpac('rego', 'check', '--format', 'json', join(broken, 'bad.rego'));
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [{ message: 'var y is unsafe', code: 'rego_unsafe_var_error', location: { file: join(broken, 'bad.rego'), row: 6, col: 2 } }],
    });
  });

  it('test runs test_ rules and summarises (every test with --verbose, like opa test)', () => {
    const ok = iacpac('rego', 'test', dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('PASS: 2/2');
    const verbose = iacpac('rego', 'test', '-v', dir);
    expect(verbose.stdout).toMatch(/policy_test\.rego:5:\ndata\.example\.test_allow: PASS \(/);
    const bad = iacpac('rego', 'test', join(broken, 'bad_test.rego'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.test_fails: FAIL/);
    expect(bad.stdout).toContain('FAIL: 1/1');
  });

  it('mounts data files found in a directory at their directory path, like opa', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-data-'));
    mkdirSync(join(d, 'a', 'b'), { recursive: true });
    writeFileSync(join(d, 'a', 'b', 'data.json'), '{"x": 18446744073709551614}');
    writeFileSync(join(d, 'q.rego'), 'package q\n\nimport rego.v1\n\np := data.a.b.x\n');
    const r = iacpac('rego', 'eval', '-d', d, 'data.q.p');
    expect(r.stdout).toContain('"value": 18446744073709551614');
  });

  it('check reads only the .rego files, as opa check (a data file that does not parse is not an error)', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-check-data-'));
    writeFileSync(join(d, 'q.rego'), 'package q\n\nimport rego.v1\n\np := 1\n');
    writeFileSync(join(d, 'fixture.yaml'), 'key: [unclosed\n');
    expect(iacpac('rego', 'check', d).code).toBe(0);
    const t = iacpac('rego', 'test', d);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('fixture.yaml: not valid YAML');
  });

  it('reports a missing path as a usage error (exit 2)', () => {
    const r = iacpac('rego', 'check', join(dir, 'nope.rego'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or directory');
  });
});

describe('iacpac rego: opa command parity', () => {
  const strictDir = mkdtempSync(join(tmpdir(), 'iacpac-rego-strict-'));
  writeFileSync(join(strictDir, 's.rego'), 'package s\n\nimport rego.v1\nimport data.unused_lib\n\np if {\n\tx := 1\n\tany([true])\n}\n\nf(a, b) := a\n');

  it('check --strict reports OPA strict-mode errors; without it the module compiles', () => {
    expect(iacpac('rego', 'check', strictDir).code).toBe(0);
    const r = iacpac('rego', 'check', '--strict', strictDir);
    expect(r.code).toBe(1);
    // as OPA's compiler, the errors of the first failing stage (unused names) hide the later ones
    expect(r.stderr).toContain('3 errors occurred:');
    expect(r.stderr).toContain('s.rego:7:2: rego_compile_error: assigned var x unused');
    expect(r.stderr).toContain('s.rego:11:6: rego_compile_error: unused argument b. (hint: use _ (wildcard variable) instead)');
    expect(r.stderr).toContain('s.rego:4:1: rego_compile_error: import data.unused_lib unused');
    writeFileSync(join(strictDir, 's.rego'), 'package s\n\nimport rego.v1\n\np if any([true])\n');
    expect(iacpac('rego', 'check', '--strict', strictDir).stderr).toBe('1 error occurred: ' + join(strictDir, 's.rego') + ':5:6: rego_type_error: deprecated built-in function calls in expression: any\n');
  });

  it('check --capabilities restricts builtins and declares custom ones', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-caps-'));
    writeFileSync(join(d, 'c.rego'), 'package c\n\nimport rego.v1\n\np if host.lookup("x") == count([])\n');
    const caps = join(d, 'caps.json');
    writeFileSync(caps, JSON.stringify({ builtins: [{ name: 'host.lookup', decl: { type: 'function', args: [{ type: 'string' }], result: { type: 'number' } } }] }));
    expect(iacpac('rego', 'check', join(d, 'c.rego')).stderr).toContain('undefined function host.lookup');
    const r = iacpac('rego', 'check', '--capabilities', caps, join(d, 'c.rego'));
    expect(r.stderr).toContain('undefined function count');
    expect(r.stderr).not.toContain('host.lookup');
  });

  it('test --format json prints OPA result objects; --coverage the coverage report', () => {
    const json = JSON.parse(iacpac('rego', 'test', '--format', 'json', dir).stdout) as Array<Record<string, unknown>>;
    expect(json.map((r) => [r.package, r.name, r.fail ?? false])).toEqual([
      ['data.example', 'test_allow', false],
      ['data.example', 'test_deny', false],
    ]);
    expect(json[0]).toMatchObject({ location: { file: join(dir, 'policy_test.rego'), row: 5, col: 1 } });
    const coverage = JSON.parse(iacpac('rego', 'test', '--coverage', dir).stdout) as { files: Record<string, { coverage: number }>; coverage: number };
    expect(Object.keys(coverage.files).sort()).toEqual([join(dir, 'policy.rego'), join(dir, 'policy_test.rego')]);
    expect(coverage.coverage).toBe(100);
  });

  it('test --explain=fails prints the failure trace of a failing test', () => {
    const r = iacpac('rego', 'test', '--explain', 'fails', join(broken, 'bad_test.rego'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILURES');
    expect(r.stdout).toMatch(/bad_test\.rego:5 \| Fail 1 == 2/);
  });
});

describe('iacpac rego test: opa test semantics end to end', () => {
  it('runs a test in a package whose path is not an identifier (B6: OPA passes it)', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-b6-'));
    writeFileSync(join(d, 'p_test.rego'), 'package p["a-b_test"]\n\nimport rego.v1\n\ntest_x if true\n');
    const r = iacpac('rego', 'test', '-v', d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^data\.p\["a-b_test"\]\.test_x: PASS \(/m);
    expect(r.stdout).toContain('PASS: 1/1');
  });

  it('runs every definition of a repeated test name as its own test, the repeats named test_x#01, #02 (as opa test)', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-dup-'));
    writeFileSync(join(d, 't_test.rego'), 'package t\n\ntest_x { true }\n\ntest_x { false }\n\ntest_x { 1 == 1 }\n');
    const r = iacpac('rego', 'test', '--v0-compatible', '-v', d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/t_test\.rego:3:\ndata\.t\.test_x: PASS/);
    expect(r.stdout).toMatch(/t_test\.rego:5:\ndata\.t\.test_x#01: FAIL/);
    expect(r.stdout).toMatch(/t_test\.rego:7:\ndata\.t\.test_x#02: PASS/);
    expect(r.stdout).toContain('PASS: 2/3');
    expect(r.stdout).toContain('FAIL: 1/3');
  });

  // B8: `opa test policy exclusions`: every .json/.yaml/.yml under a directory is data, mounted at its directory path
  // below the directory given; `--ignore '*.yaml'` leaves the YAML out (then the test that needs it fails)
  const b8 = mkdtempSync(join(tmpdir(), 'iacpac-rego-b8-'));
  mkdirSync(join(b8, 'policy'));
  mkdirSync(join(b8, 'exclusions', 'aws'), { recursive: true });
  writeFileSync(join(b8, 'policy', 'p.rego'), 'package p\n\nimport rego.v1\n\nexcluded contains s if some s in data.services\n\nregion := data.aws.region\n');
  writeFileSync(join(b8, 'policy', 'p_test.rego'), 'package p\n\nimport rego.v1\n\ntest_excluded if excluded == {"s3", "ec2"}\n\ntest_region if region == "eu-west-1"\n');
  writeFileSync(join(b8, 'exclusions', 'services.yaml'), 'services:\n  - s3\n  - ec2\n');
  writeFileSync(join(b8, 'exclusions', 'aws', 'settings.yml'), 'region: eu-west-1\n');

  it('loads every .json/.yaml/.yml under a directory as data, whatever its name (B8)', () => {
    const r = iacpac('rego', 'test', '-v', join(b8, 'policy'), join(b8, 'exclusions'));
    expect(r.stdout).toContain('data.p.test_excluded: PASS');
    expect(r.stdout).toContain('data.p.test_region: PASS');
    expect(r.code).toBe(0);
  });

  it("--ignore skips matching files below the given paths, as opa test --ignore '*.yaml'", () => {
    const r = iacpac('rego', 'test', '-v', '--ignore', '*.yaml', join(b8, 'policy'), join(b8, 'exclusions'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('data.p.test_excluded: FAIL');
    expect(r.stdout).toContain('data.p.test_region: PASS');
    const both = iacpac('rego', 'test', '--ignore', '*.yaml', '--ignore', 'aws', join(b8, 'policy'), join(b8, 'exclusions'));
    expect(both.stdout).toContain('FAIL: 2/2');
  });

  it('--run runs only the tests whose data.pkg.name matches', () => {
    const r = iacpac('rego', 'test', '-v', '--run', 'region', join(b8, 'policy'), join(b8, 'exclusions'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data.p.test_region: PASS');
    expect(r.stdout).not.toContain('test_excluded');
    expect(r.stdout).toContain('PASS: 1/1');
    expect(iacpac('rego', 'test', '--run', '(', join(b8, 'policy')).code).toBe(2);
  });

  const traced = mkdtempSync(join(tmpdir(), 'iacpac-rego-explain-'));
  writeFileSync(join(traced, 'x_test.rego'), 'package x\n\nimport rego.v1\n\ntest_a if {\n\ttrace("checking a")\n\tinput.a == 1\n}\n');

  it('--explain=notes prints the notes of a failing test, --explain=full its whole trace (FAILURES, as opa test)', () => {
    const notes = iacpac('rego', 'test', '--explain=notes', traced);
    expect(notes.code).toBe(1);
    expect(notes.stdout).toContain('FAILURES');
    expect(notes.stdout).toMatch(/x_test\.rego:6 \| Note "checking a"/);
    expect(notes.stdout).not.toMatch(/\| Eval /);
    const full = iacpac('rego', 'test', '--explain', 'full', traced);
    expect(full.stdout).toMatch(/x_test\.rego:6 \| Eval trace\("checking a"\)/);
    expect(full.stdout).toMatch(/x_test\.rego:6 \| Note "checking a"/);
    expect(full.stdout).toMatch(/x_test\.rego:7 \| Fail input\.a == 1/);
    const fails = iacpac('rego', 'test', '--explain=fails', traced);
    expect(fails.stdout).toMatch(/x_test\.rego:7 \| Fail input\.a == 1/);
    expect(fails.stdout).not.toContain('Note "checking a"');
    expect(iacpac('rego', 'test', '--explain', 'everything', traced).code).toBe(2);
  });

  it('--coverage prints OPA\'s coverage report: covered and not_covered row ranges per file, line counts, percentages', () => {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-cover-'));
    writeFileSync(join(d, 'c.rego'), 'package c\n\nimport rego.v1\n\nallow if {\n\tinput.x == 1\n}\n\nunused if {\n\tinput.z\n}\n');
    writeFileSync(join(d, 'c_test.rego'), 'package c\n\nimport rego.v1\n\ntest_allow if allow with input as {"x": 1}\n');
    const r = iacpac('rego', 'test', '--coverage', d);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      files: {
        [join(d, 'c.rego')]: {
          covered: [{ start: { row: 5 }, end: { row: 6 } }],
          not_covered: [{ start: { row: 9 }, end: { row: 10 } }],
          covered_lines: 2,
          not_covered_lines: 2,
          coverage: 50,
        },
        [join(d, 'c_test.rego')]: { covered: [{ start: { row: 5 }, end: { row: 5 } }], covered_lines: 1, coverage: 100 },
      },
      covered_lines: 3,
      not_covered_lines: 2,
      coverage: 60,
    });
    const below = iacpac('rego', 'test', '--coverage', '--threshold', '90', d);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('Code coverage threshold not met: got 60.00 instead of 90.00');
  });
});

describe('iacpac rego: bundles (.manifest roots and rego_version)', () => {
  function bundle(manifest: string, files: Record<string, string>): string {
    const d = mkdtempSync(join(tmpdir(), 'iacpac-rego-bundle-'));
    writeFileSync(join(d, '.manifest'), manifest);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(d, name, '..'), { recursive: true });
      writeFileSync(join(d, name), text);
    }
    return d;
  }

  it('reads the Rego version from .manifest and only data.json/data.yaml as data', () => {
    const d = bundle('{"roots": ["app"], "rego_version": 0}', {
      'app/policy.rego': 'package app\n\nallow { data.app.limit == 3 }\n\nfrom_other { data.app.other }\n',
      'app/policy_test.rego': 'package app\n\ntest_allow { allow }\n',
      'app/data.json': '{"limit": 3}',
      'app/other.json': '{"other": true}',
    });
    const t = iacpac('rego', 'test', '--bundle', d);
    expect(t.code).toBe(0);
    expect(t.stdout.trim()).toBe('PASS: 1/1');
    const e = iacpac('rego', 'eval', '--bundle', d, 'data.app');
    expect(JSON.parse(e.stdout).result[0].expressions[0].value).toEqual({ allow: true, limit: 3, test_allow: true });
    // the same directory outside bundle mode: v1 parsing (the v0 rules are parse errors) and other.json is data
    const plain = iacpac('rego', 'check', d);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('rego_parse_error');
  });

  it('refuses a package or data outside the manifest roots', () => {
    const pkg = bundle('{"roots": ["app"]}', { 'other/p.rego': 'package other\n\np := 1\n' });
    const r = iacpac('rego', 'check', '--bundle', pkg);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rego_compile_error: package data.other is outside the bundle roots ["app"]');
    const data = bundle('{"roots": ["app"]}', { 'app/p.rego': 'package app\n\np := 1\n', 'other/data.json': '{"x": 1}' });
    const d = iacpac('rego', 'check', '--bundle', data);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('data at path /other is outside the bundle roots ["app"]');
  });
});
