/**
 * Function calls: `with` mocks, user functions, the builtins that need evaluator internals (internal-builtins.ts),
 * and the pure builtins (src/rego/builtins). Builtin errors follow OPA: with strict builtin errors they abort
 * evaluation; otherwise the call is undefined.
 */
import type { TermOf } from '../syntax/ast.ts';
import type { Program } from '../compiler/compile.ts';
import type { RuleNode } from '../compiler/rule-tree.ts';
import { RegoError } from '../syntax/errors.ts';
import { BuiltinError, type BuiltinContext, type BuiltinDefinition } from '../builtins/define-builtin.ts';
import type { RegoValue } from '../value.ts';
import { EvalContext } from './context.ts';
import type { Env, EvalMachine, Stop, ValueCont } from './types.ts';
import { callFunction } from './rules.ts';

export function callTerm(ev: EvalMachine, ctx: EvalContext, t: TermOf<'call'>, env: Env, k: ValueCont): Stop {
  const special = ev.options.builtins.internal(t.name);
  if (special?.raw && !ctx.functionOverrides.has(t.name)) return special.raw(ev, ctx, t, env, k);
  const order = argOrder(t);
  if (!order) return ev.evalList(ctx, t.args, env, (args) => invoke(ev, ctx, t.name, args, k, t, 0));
  // refs (which may bind variables used by other arguments, `x == xs[x]`) are evaluated first
  const reordered = order.map((i) => t.args[i]!);
  return ev.evalList(ctx, reordered, env, (values) => {
    const args: RegoValue[] = new Array<RegoValue>(values.length);
    order.forEach((argIndex, j) => (args[argIndex] = values[j]!));
    return invoke(ev, ctx, t.name, args, k, t, 0);
  });
}

const orders = new WeakMap<TermOf<'call'>, number[] | null>();

export function argOrder(t: TermOf<'call'>): number[] | undefined {
  let o = orders.get(t);
  if (o === undefined) {
    const refs = t.args.map((a, i) => (a.type === 'ref' ? i : -1)).filter((i) => i >= 0);
    const vars = t.args.some((a) => a.type === 'var');
    o = refs.length && vars && refs[0] !== 0 ? [...refs, ...t.args.map((_, i) => i).filter((i) => !refs.includes(i))] : null;
    orders.set(t, o);
  }
  return o === null ? undefined : o;
}

export function invoke(ev: EvalMachine, ctx: EvalContext, name: string, args: RegoValue[], k: ValueCont, t: TermOf<'call'>, hops: number): Stop {
  const mock = hops < 8 ? ctx.functionOverrides.get(name) : undefined;
  if (mock) {
    if (mock.kind === 'value') return k(mock.value);
    // the replacement runs without function mocks: it may call the original, and never another mock
    return invoke(ev, new EvalContext(ctx.input, ctx.dataOverrides, new Map()), mock.name, args, k, t, hops + 1);
  }
  if (name.startsWith('data.')) {
    const node = functionNode(ev.program, name);
    if (!node) return;
    return callFunction(ev, ctx, node, args, k, t.loc);
  }
  const special = ev.options.builtins.internal(name);
  if (special?.call) return special.call(ev, ctx, args, k, t);
  const builtin = ev.options.builtins.pure(name);
  if (!builtin) throw new RegoError('eval_internal_error', `unsupported builtin ${name}`, t.loc);
  const result = pureValue(ev, name, builtin, args, t);
  return result === undefined ? undefined : k(result);
}

/** The value of a call of a pure builtin, or undefined (its errors as `invoke` describes). */
export function pureValue(ev: EvalMachine, name: string, builtin: BuiltinDefinition, args: RegoValue[], t: TermOf<'call'>): RegoValue | undefined {
  try {
    return builtin.impl(args, builtinContext(ev));
  } catch (error) {
    if (error instanceof BuiltinError) {
      if (error.code === 'eval_conflict_error' || ev.strict) throw new RegoError(error.code, error.message, t.loc);
      return undefined;
    }
    if (error instanceof RegoError) throw error;
    if (ev.strict) throw new RegoError('eval_builtin_error', `${name}: ${(error as Error).message}`, t.loc);
    return undefined;
  }
}

/** The rule-tree node of each called `data.` function name, per program (a call site names it on every call). */
const functionNodes = new WeakMap<Program, Map<string, RuleNode | null>>();

export function functionNode(program: Program, name: string): RuleNode | undefined {
  let nodes = functionNodes.get(program);
  if (!nodes) {
    nodes = new Map();
    functionNodes.set(program, nodes);
  }
  let node = nodes.get(name);
  if (node === undefined) {
    node = program.root.find(name.split('.').slice(1)) ?? null;
    nodes.set(name, node);
  }
  return node ?? undefined;
}

/** One builtin context per evaluation (its fields do not change during it), not one per builtin call. */
export function builtinContext(ev: EvalMachine): BuiltinContext {
  return (ev.builtinContext ??= newBuiltinContext(ev));
}

function newBuiltinContext(ev: EvalMachine): BuiltinContext {
  return {
    strict: ev.strict,
    nowNs: ev.nowNs,
    cache: ev.builtinCache,
    allowNetwork: ev.options.allowNetwork ?? false,
    print: (line) => ev.print(line),
  };
}
