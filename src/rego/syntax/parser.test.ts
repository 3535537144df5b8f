import { describe, expect, it } from 'vitest';
import { parseModule, parseQuery } from './parser.ts';
import { RegoSyntaxError } from './errors.ts';
import type { Term } from './ast.ts';

/** Compact prefix rendering of a term, to compare parse trees. */
function show(t: Term): string {
  switch (t.type) {
    case 'scalar':
      return typeof t.value === 'bigint' ? `${t.value}n` : JSON.stringify(t.value);
    case 'var':
      return t.name;
    case 'ref':
      return `${show(t.head)}[${t.path.map(show).join('][')}]`;
    case 'call':
      return `${t.name}(${t.args.map(show).join(', ')})`;
    case 'array':
      return `[${t.items.map(show).join(', ')}]`;
    case 'set':
      return `set(${t.items.map(show).join(', ')})`;
    case 'object':
      return `{${t.items.map(([k, v]) => `${show(k)}: ${show(v)}`).join(', ')}}`;
    case 'arraycomp':
      return `[${show(t.term)} | ${t.body.length}]`;
    case 'setcomp':
      return `{${show(t.term)} | ${t.body.length}}`;
    case 'objectcomp':
      return `{${show(t.key)}: ${show(t.value)} | ${t.body.length}}`;
    case 'template':
      return `$(${t.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : show(p))).join(' ')})`;
  }
}

function term(query: string): string {
  const [e] = parseQuery(query);
  if (e?.kind === 'term') return show(e.term);
  if (e?.kind === 'unify') return `${show(e.left)} ${e.assign ? ':=' : '='} ${show(e.right)}`;
  return e?.kind ?? '';
}

describe('parser: terms and precedence', () => {
  it.each([
    ['1 + 2 * 3', 'plus(1, mul(2, 3))'],
    ['a | b & c', 'or(a, and(b, c))'],
    ['x == y + 1', 'equal(x, plus(y, 1))'],
    ['x in xs == true', 'internal.member_2(x, equal(xs, true))'],
    ['k, v in {"a": 1}', 'internal.member_3(k, v, {"a": 1})'],
    ['f(x, [1, 2])[0].y', 'f(x, [1, 2])[0]["y"]'],
    ['input.a["b"][c]', 'input["a"]["b"][c]'],
    ['[x | x := xs[_]]', '[x | 1]'],
    ['{k: v | some k, v in o}', '{k: v | 1}'],
    ['{1, 2}', 'set(1, 2)'],
    ['set()', 'set()'],
    ['-3.5', '-3.5'],
    ['18446744073709551614', '18446744073709551614n'],
    ['`raw \\n`', '"raw \\\\n"'],
    ['$"a {x} b"', '$("a " x " b")'],
    ['x := {"a": [1, {2}]}', 'x := {"a": [1, set(2)]}'],
  ])('%s', (src, expected) => {
    expect(term(src)).toBe(expected);
  });
});

describe('parser: modules', () => {
  it('parses v1 rules of every kind', () => {
    const m = parseModule(
      'p.rego',
      `package a.b
import rego.v1
import data.lib as l
default allow := false
allow if input.ok
deny contains msg if { msg := "x" }
obj[k] := v if { some k, v in input.o }
f(x) := y if { y := x + 1 } else := 0
a.b[c].d := 1 if c := "k"
`,
    );
    expect(m.package.path).toEqual(['a', 'b']);
    expect(m.imports.map((i) => i.alias ?? '')).toEqual(['', 'l']);
    expect(m.rules.map((r) => [r.kind, r.isDefault, r.head.ref.map(show).join('.'), !!r.elseRule])).toEqual([
      ['complete', true, 'allow', false],
      ['complete', false, 'allow', false],
      ['set', false, 'deny', false],
      ['complete', false, 'obj.k', false],
      ['function', false, 'f', true],
      ['complete', false, 'a."b".c."d"', false],
    ]);
  });

  it('parses v0 partial sets and keeps future keywords off unless imported', () => {
    const m = parseModule('v0.rego', 'package x\np[x] { x := 1 }\ncontains(a, b) { a[_] = b }\n', { v0: true });
    expect(m.rules.map((r) => [r.kind, show(r.head.ref[0]!)])).toEqual([
      ['set', 'p'],
      ['function', 'contains'],
    ]);
  });

  it('treats keywords followed by a dot as references', () => {
    const m = parseModule('k.rego', 'package t\nimport rego.v1\np if { not.foo == 1; import.x == 2 }\nnot.foo := 1\n');
    expect(m.rules[0]!.body.map((e) => (e.kind === 'term' ? show(e.term) : e.kind))).toEqual(['equal(not["foo"], 1)', 'equal(import["x"], 2)']);
  });

  it('attaches METADATA annotations to the next rule and the package', () => {
    const m = parseModule('m.rego', '# METADATA\n# title: pkg\npackage m\nimport rego.v1\n\n# METADATA\n# title: rule\n# custom:\n#   severity: high\np := 1\n');
    expect(m.package.annotations?.[0]).toMatchObject({ scope: 'package', title: 'pkg' });
    expect(m.rules[0]!.annotations).toMatchObject({ scope: 'rule', title: 'rule', custom: { severity: 'high' } });
  });
});

describe('parser: errors carry file:line:col', () => {
  it.each([
    ['package x\np := [1,\n', 'e.rego:3:1: rego_parse_error: unexpected eof token'],
    ['package x.\n', 'e.rego:2:1: rego_parse_error: unexpected eof token: expected ident'],
    ['p := 1\n', 'e.rego:1:1: rego_parse_error: package expected'],
    ['package x\np := "abc\n', 'e.rego:2:6: rego_parse_error: non-terminated string'],
    ['package x\np := 1 $\n', 'e.rego:2:8: rego_parse_error: illegal token'],
    ['package x\np { true }\n', 'e.rego:2:3: rego_parse_error: `if` keyword is required before rule body'],
  ])('%j', (src, message) => {
    let err: unknown;
    try {
      parseModule('e.rego', src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegoSyntaxError);
    expect((err as Error).message.startsWith(message)).toBe(true);
  });
});
