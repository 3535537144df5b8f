import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegoEngine } from '../index.ts';
import type { Term } from '../syntax/ast.ts';
import { Evaluator } from './evaluator.ts';

// The one-value path (`direct`, and `directCall` for calls) is an optimisation: a term it gives up on is evaluated
// by continuation. These tests count how often that path looks at a term, so that giving up does not make the
// continuation (or the expression around it) walk the same term again.

afterEach(() => vi.restoreAllMocks());

/** How often the one-value path tried each term (by kind and position) while `query` ran (`directCall` for calls). */
function fastPathVisits(module: string, query: string, input: unknown): { value: unknown; visits: Map<string, number> } {
  const engine = new RegoEngine();
  engine.addModule('p.rego', module);
  const prepared = engine.prepare(query);
  const counts = new Map<Term, number>();
  const proto = Evaluator.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['direct', 'directCall']) {
    const original = proto[name]!;
    vi.spyOn(proto, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
      const t = args[1] as Term;
      if ((t.type === 'call') === (name === 'directCall')) counts.set(t, (counts.get(t) ?? 0) + 1);
      return original.apply(this, args);
    });
  }
  const value = prepared.eval({ input })[0]?.expressions[0]?.value;
  const visits = new Map<string, number>();
  for (const [t, n] of counts) if (t.loc) visits.set(`${t.type}@${t.loc.row}:${t.loc.col}`, n);
  return { value, visits };
}

describe('evaluator one-value path', () => {
  it('takes an array literal of one-value terms whole: a call with it as argument is looked at once', () => {
    const { value, visits } = fastPathVisits(
      'package p\nimport rego.v1\nr := x if {\n  x := sprintf("%s-%s", [input.a, input.b])\n}\n',
      'data.p.r',
      { a: 'x', b: 'y' },
    );
    expect(value).toBe('x-y');
    expect(visits.get('call@4:8')).toBe(1);
    expect(visits.get('array@4:25')).toBe(1);
    expect(Math.max(...visits.values())).toBe(1);
  });

  it('takes set literals of one-value terms whole', () => {
    const { value, visits } = fastPathVisits('package p\nimport rego.v1\nr := x if {\n  x := count({input.a, input.b})\n}\n', 'data.p.r', { a: 1, b: 1 });
    expect(value).toBe(1);
    expect(Math.max(...visits.values())).toBe(1);
  });

  it('does not try a call again by continuation after its one-value path gave up', () => {
    const { value, visits } = fastPathVisits(
      'package p\nimport rego.v1\nr := x if {\n  x := concat(",", [y | some y in input.ys])\n}\n',
      'data.p.r',
      { ys: ['a', 'b'] },
    );
    expect(value).toBe('a,b');
    expect(visits.get('call@4:8')).toBe(1);
  });

  it('keeps undefined items undefined and enumerating items enumerating', () => {
    const module = 'package p\nimport rego.v1\nu if { x := [input.a, input.missing]; x }\ns contains x if { x := [input.a, input.ys[_]] }\n';
    expect(fastPathVisits(module, 'data.p.u', { a: 1 }).value).toBeUndefined();
    expect(fastPathVisits(module, 'data.p.s', { a: 1, ys: [2, 3] }).value).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });
});
