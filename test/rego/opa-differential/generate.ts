/**
 * A seeded generator of small Rego v0 modules over the constructs where engines diverge: negation of calls and refs
 * whose operands may be undefined, comprehensions nested in comprehensions, `some`, `else` chains, zero-argument
 * functions, repeated argument variables and `with`. Each module defines rules `g_r0..g_rN` (their values are compared)
 * over fixed helper rules; rules refer only to earlier ones (no recursion). Deterministic for a seed.
 *
 * One module in three is "risky": it also draws the forms that make OPA reject the whole module (typed operands of the
 * wrong type, calls of zero-argument rules, functions used as values, unsafe or unused variables, a `with` on a rule
 * value, conflicting values). The others draw only forms that compile, so most modules compare values, not just the
 * class of the first error.
 */
import { seededRandom as rng } from '../../../src/core/seeded-random.ts';

export interface GeneratedModule {
  seed: number;
  /** Top-level rules (no package line). */
  rules: string;
  /** The rules whose values are compared. */
  names: string[];
}

/** Helper rules every module starts with: typed data (g_d), the same data untyped (g_u), functions. */
const HELPERS = `g_d := {"a": 1, "b": "Xy", "arr": [1, 2, 3], "obj": {"k": 1, "j": 2}, "s": ["p", "q"], "t": true}
g_u := json.unmarshal("{\\"a\\": 1, \\"b\\": \\"Xy\\", \\"arr\\": [1, 2, 3], \\"obj\\": {\\"k\\": 1, \\"j\\": 2}, \\"s\\": [\\"p\\", \\"q\\"], \\"t\\": true, \\"n\\": null}")
g_f(x) { x == 1 }
g_f2(x) = y { y := x + 1 }
g_z() = {"zero": 1}
g_z2() = 1 { false } else = 2
g_k([a, b], a) { b > 0 }`;

export function generate(seed: number): GeneratedModule {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number): number => Math.floor(r() * n);
  const risky = r() < 1 / 3;
  /** A risky form in risky modules, else a safe one. */
  const either = (safe: readonly string[], unsafe: readonly string[]): string => pick(risky ? [...safe, ...unsafe] : safe);
  const lit = (): string => pick(['1', '2', '0', '"x"', '"Xy"', 'true', 'null', '[1]', '{"k": 1}']);
  const operand = (): string =>
    either(['input.nothere', 'g_u.missing', 'g_u.a', 'g_u.arr[0]', 'g_u.arr[9]', 'g_u.b', 'g_u.obj.k', 'g_u.n', 'input.x', 'g_u.obj[input.nothere]'], ['g_d.a', '1', '"x"', 'lower(g_u.b)']);
  const negated = (): string => {
    const op = operand();
    return pick([
      `g_f(${op})`,
      `${op} == ${lit()}`,
      `${op} != ${lit()}`,
      `startswith(${op}, "x")`,
      `count(${op}) == 0`,
      op,
      `${lit()} == ${op}`,
      `g_u[${op}]`,
      `[${op}] == [1]`,
      `{"k": ${op}} == {}`,
      `g_f2(${op}) == 2`,
      `object.get(g_u, ${op}, 0) == 1`,
      `${op} = ${lit()}`,
      `${op} in [1, 2]`,
      `g_f2(${op}, 2)`,
    ]);
  };
  const withInput = (): string => pick(['', '', '', ` with input as {"x": ${lit()}, "nothere": ${lit()}}`]);
  const names: string[] = [];
  const rules: string[] = [HELPERS];
  const count = 4 + int(5);
  for (let i = 0; i < count; i++) {
    const name = `g_r${i}`;
    const prev = i > 0 ? `g_r${int(i)}` : 'g_d';
    const cond = (): string => pick([`not ${negated()}`, `${operand()} == ${lit()}`, `g_f(${operand()})`, `count(g_u.arr) > ${int(4)}`, `not ${negated()}${withInput()}`]);
    const template = int(14);
    let text: string;
    switch (template) {
      case 0:
      case 1:
      case 2:
        text = `${name} { ${cond()} }`;
        break;
      case 3:
        text = `${name} = v { v := [x | x := g_u.arr[_]; ${pick(['not g_f(x)', 'x > 1', `not x == ${int(4)}`, 'not g_u.obj[x]'])}] }`;
        break;
      case 4:
        text = `${name} := [[y | y := g_u.arr[_]; y > x] | x := g_u.arr[_]; ${pick(['x > 1', 'true', 'not g_f(x)'])}]`;
        break;
      case 5:
        text = `${name}[x] { some i; xs := [v | v := g_u.arr[i]]; x := count(xs) }`;
        break;
      case 6:
        text = `${name} := [v | k := ${prev}; v := [y | y := g_d.arr[_]]]`;
        break;
      case 7:
        text = `${name} = ${lit()} { ${cond()} } else = ${lit()} { ${cond()} } else = ${lit()}`;
        break;
      case 8:
        text = either([`${name} := g_z`, `${name} := g_z2`, `${name} { g_z.zero == 1 }`], [`${name} := g_z()`, `${name} := g_z2()`]);
        break;
      case 9:
        text = `${name} { g_k(["${pick(['a', 'b'])}", ${int(3)}], "${pick(['a', 'b'])}") }`;
        break;
      case 10:
        text = either(
          [`${name} = v { v := ${prev} with input as {"x": ${lit()}} }`, `${name} { g_f(input.x) with input as {"x": ${pick(['1', '2'])}} }`, `${name} { g_f(2) with g_f as g_f2 }`, `${name} = v { v := g_f2(input.x) with input.x as ${pick(['1', '2'])} }`],
          [`${name} := ${prev} with input as {"x": ${lit()}}`],
        );
        break;
      case 11:
        text = `${name}[x] { some x in g_u.${pick(['arr', 's', 'obj'])}; ${pick(['not g_f(x)', 'true', 'x != 2'])} }`;
        break;
      case 12:
        text = `${name} := {k: v | some k, v in g_u.obj; ${pick(['v > 1', 'not v == 1', 'not g_f(v)'])}}`;
        break;
      default:
        text = either(
          [`${name} := x { x := g_u.arr[0] }`, `${name}[x] = y { some x, y in g_u.obj; not g_f(y) }`],
          [`${name} { x > 1 }`, `${name} := x { x := g_u.arr[_] }`, `${name} { g_d.missing == 1 }`, `${name} { not g_u.arr[_] == 3 }`, `${name} { some x; true }`, `${name} := g_f`],
        );
        break;
    }
    rules.push(text);
    names.push(name);
  }
  return { seed, rules: rules.join('\n'), names };
}
