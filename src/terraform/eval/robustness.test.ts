import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression } from '../../hcl/ast.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import { FUNCTION_SIGNATURES } from '../functions/signatures.ts';
import type { ReferenceResolver } from './context.ts';
import { evaluate } from './evaluate.ts';
import { markSensitive, type TfValue, UNKNOWN } from './value.ts';

/**
 * Generated input (seeded, so failures reproduce): every function called with argument values of every
 * kind (null, unknown, sensitive, wrong types), and random nestings of operators, for-expressions,
 * splats, templates and try(). Evaluation must end with values or Terraform-style diagnostics, never an
 * internal error, and quickly.
 */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

const POOL = ['null', 'var.u', 'var.s', '""', '"a"', '"10.0.0.0/16"', '"2018-01-02T23:12:01Z"', '0', '-1', '1.5', '1e300', '40', 'true', '[]', '[1, "a"]', '["a", "b"]', '[[1], [2]]', '{}', '{a = 1}', '{a = [1]}', 'tolist(["x"])', 'toset(["x"])', 'tomap({k = "v"})', '[null]', '[var.u]', '{a = var.u}'];

const resolver: ReferenceResolver = {
  resolve(root, steps) {
    if (root !== 'var' || steps[0]?.kind !== 'attr') return undefined;
    const vars: Record<string, TfValue> = { u: UNKNOWN, s: markSensitive('s'), obj: { a: 1, b: [UNKNOWN] }, list: [{ a: 'x' }, { a: UNKNOWN }] };
    return { value: vars[steps[0].name] ?? null, consumed: 1 };
  },
};

const INTERNAL = /TypeError|RangeError|Cannot read|is not a function|undefined|Please report/;

async function check(text: string): Promise<Diagnostic[]> {
  const file = await parseHclFile('f.tf', `x = ${text}\n`);
  const attr = file.body.attributes[0];
  if (!attr) return [];
  const { diagnostics } = evaluate(attr.expr as Expression, { resolver });
  return diagnostics.filter((d) => INTERNAL.test(`${d.summary} ${d.detail}`));
}

describe('robustness on generated input', () => {
  it('every function with arguments of every kind', async () => {
    const r = rng(42);
    const internal: string[] = [];
    for (const [name, sig] of FUNCTION_SIGNATURES) {
      if (name.startsWith('file') || name === 'templatefile') continue;
      const arity = sig.params.length + (sig.variadic ? 1 : 0);
      for (let i = 0; i < (arity === 0 ? 1 : 12); i++) {
        const args = Array.from({ length: arity }, () => POOL[r(POOL.length)]!);
        const text = `${name}(${args.join(', ')})`;
        for (const d of await check(text)) internal.push(`${text}: ${d.detail}`);
      }
    }
    expect(internal).toEqual([]);
  }, 60_000);

  it('random nestings of every expression kind', async () => {
    const r = rng(7);
    const leaves = ['null', 'var.u', 'var.s', '""', '"a"', '0', '-1', '1.5', 'true', '[]', '[1, "a"]', '{}', '{a = 1}', 'tolist(["x"])', 'toset(["x"])', 'tomap({k = "v"})', 'var.obj', 'var.list'];
    const gen = (d: number): string => {
      if (d <= 0) return leaves[r(leaves.length)]!;
      switch (r(14)) {
        case 0: return `${gen(d - 1)} ${['+', '-', '*', '/', '%', '==', '!=', '<', '>', '&&', '||'][r(11)]} ${gen(d - 1)}`;
        case 1: return `(${gen(d - 1)} ? ${gen(d - 1)} : ${gen(d - 1)})`;
        case 2: return `[for x in ${gen(d - 1)} : ${r(2) ? 'x' : gen(d - 1)}${r(2) ? ` if ${gen(d - 1)}` : ''}]`;
        case 3: return `{for k, v in ${gen(d - 1)} : k => v${r(2) ? '...' : ''}}`;
        case 4: return `(${gen(d - 1)})[${gen(d - 1)}]`;
        case 5: return `(${gen(d - 1)}).a`;
        case 6: return `(${gen(d - 1)})[*].a`;
        case 7: return `"x\${${gen(d - 1)}}y"`;
        case 8: return `"%{ for v in ${gen(d - 1)} }\${v}%{ endfor }"`;
        case 9: return `[${gen(d - 1)}, ${gen(d - 1)}]`;
        case 10: return `{ (${gen(d - 1)}) = ${gen(d - 1)} }`;
        case 11: return `!${gen(d - 1)}`;
        case 12: return `-${gen(d - 1)}`;
        default: return `try(${gen(d - 1)}, ${gen(d - 1)})`;
      }
    };
    const internal: string[] = [];
    for (let i = 0; i < 400; i++) {
      const text = gen(1 + r(4));
      for (const d of await check(text)) internal.push(`${text}: ${d.detail}`);
    }
    expect(internal).toEqual([]);
  }, 60_000);
});
