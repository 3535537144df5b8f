/**
 * Builtins that need the evaluator: comparison operators, membership (`in`), print, walk, trace,
 * rego.metadata.rule/chain, opa.runtime, and the network builtins (disabled unless allowNetwork).
 */
import { RegoError } from '../syntax/errors.ts';
import { compare, equalValues, fromJS, lookup, RegoObject, RegoSet, type RegoValue } from '../value.ts';
import type { InternalBuiltin, Stop } from './types.ts';
import { printText } from './rego-text.ts';
import { moduleJSON } from './ast-json.ts';
import { parseModule } from '../syntax/parser.ts';
import { httpSend, lookupIpAddr } from './network.ts';
import { BuiltinError } from '../builtins/define-builtin.ts';

/** A network builtin: an error unless the engine allows network access; its errors follow strict/non-strict mode. */
function networkBuiltin(name: string, f: (arg: RegoValue) => RegoValue): InternalBuiltin {
  return {
    call: (ev, _ctx, [arg], k, t) => {
      if (!ev.options.allowNetwork) {
        throw new RegoError('eval_builtin_error', `${name}: network access is disabled (enable it with allowNetwork)`, t.loc);
      }
      let result: RegoValue;
      try {
        result = f(arg!);
      } catch (error) {
        const code = error instanceof BuiltinError ? error.code : 'eval_builtin_error';
        if (ev.strict || name === 'http.send') throw new RegoError(code, (error as Error).message, t.loc);
        return;
      }
      return k(result);
    },
  };
}

/** An internal builtin with at most one value and no effect: `value` computes it, `call` passes it on. */
function single(value: (args: RegoValue[]) => RegoValue | undefined): InternalBuiltin {
  return {
    value,
    call: (_ev, _ctx, args, k) => {
      const v = value(args);
      return v === undefined ? undefined : k(v);
    },
  };
}

const cmp = (f: (c: number) => boolean): InternalBuiltin => single(([a, b]) => f(compare(a!, b!)));

function walkValue(v: RegoValue, path: RegoValue[], f: (path: RegoValue[], v: RegoValue) => Stop): Stop {
  if (f(path.slice(), v)) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const r = walkValue(v[i]!, path, f);
      path.pop();
      if (r) return true;
    }
  } else if (v instanceof RegoSet) {
    for (const x of v.sorted()) {
      path.push(x);
      const r = walkValue(x, path, f);
      path.pop();
      if (r) return true;
    }
  } else if (v instanceof RegoObject) {
    for (const [key, x] of v.sortedEntries()) {
      path.push(key);
      const r = walkValue(x, path, f);
      path.pop();
      if (r) return true;
    }
  }
  return;
}

/** `x in coll`: an element of a set, a value of an array or object (false for anything else). */
function member(x: RegoValue, coll: RegoValue): boolean {
  if (coll instanceof RegoSet) return coll.has(x);
  if (Array.isArray(coll)) {
    for (let i = 0; i < coll.length; i++) if (equalValues(coll[i]!, x)) return true;
  } else if (coll instanceof RegoObject) {
    for (const [, v] of coll) if (equalValues(v, x)) return true;
  }
  return false;
}

/** Annotations as OPA returns them: `authors` entries become `{name, email}` objects. */
function annotationsValue(a: Record<string, unknown>): RegoValue {
  const { loc: _loc, ...rest } = a;
  if (Array.isArray(rest.authors)) {
    rest.authors = rest.authors.map((x: unknown) => {
      if (typeof x !== 'string') return x;
      const m = /^(.*?)\s*<([^>]+)>\s*$/.exec(x);
      return m ? (m[1] ? { name: m[1], email: m[2] } : { email: m[2] }) : { name: x.trim() };
    });
  }
  return fromJS(rest);
}

export const INTERNAL_BUILTINS: ReadonlyMap<string, InternalBuiltin> = new Map<string, InternalBuiltin>([
  ['equal', single(([a, b]) => equalValues(a!, b!))],
  ['neq', single(([a, b]) => !equalValues(a!, b!))],
  ['lt', cmp((c) => c < 0)],
  ['lte', cmp((c) => c <= 0)],
  ['gt', cmp((c) => c > 0)],
  ['gte', cmp((c) => c >= 0)],
  ['eq', single(([a, b]) => (equalValues(a!, b!) ? true : undefined))],
  ['internal.member_2', single(([x, coll]) => member(x!, coll!))],
  [
    'internal.member_3',
    single(([key, x, coll]) => {
      const v = coll instanceof RegoSet ? undefined : lookup(coll!, key!);
      return v !== undefined && equalValues(v, x!);
    }),
  ],
  [
    'print',
    {
      raw: (ev, ctx, t, env, k) => {
        const columns: string[][] = t.args.map((a) => {
          const vals: RegoValue[] = [];
          ev.evalTerm(ctx, a, env, (v) => void vals.push(v));
          return vals.length ? [...new RegoSet(vals).sorted()].map(printText) : ['<undefined>'];
        });
        const lines: string[] = [''];
        let acc = lines;
        for (const [i, col] of columns.entries()) {
          const next: string[] = [];
          for (const prefix of acc) for (const c of col) next.push(i === 0 ? c : `${prefix} ${c}`);
          acc = next;
        }
        for (const line of acc) ev.print(line);
        return k(true);
      },
    },
  ],
  [
    'internal.print',
    {
      call: (ev, _ctx, [arr], k) => {
        const parts = Array.isArray(arr) ? arr.map((s) => (s instanceof RegoSet && s.size ? s.sorted().map(printText).join(' ') : '<undefined>')) : [];
        ev.print(parts.join(' '));
        return k(true);
      },
    },
  ],
  [
    'trace',
    {
      call: (ev, _ctx, [note], k, t) => {
        ev.options.tracer?.event({ op: 'note', depth: ev.depth, loc: t.loc, message: typeof note === 'string' ? note : '' });
        return k(true);
      },
    },
  ],
  ['test.sleep', { call: (_ev, _ctx, _args, k) => k(true) }],
  [
    // injected by the tester into parameterised tests: records each case as it is entered
    'internal.test_case',
    {
      call: (ev, _ctx, [values], k, t) => {
        ev.options.tracer?.event({ op: 'testcase', depth: ev.depth, loc: t.loc, ...(values !== undefined ? { values } : {}) });
        return k(true);
      },
    },
  ],
  [
    'walk',
    {
      call: (_ev, _ctx, [x], k) => walkValue(x!, [], (path, v) => k([path, v])),
    },
  ],
  [
    'rego.metadata.rule',
    {
      call: (ev, _ctx, _args, k) => {
        const r = ev.ruleStack[ev.ruleStack.length - 1];
        const a = r?.source.annotations;
        return k(a && a.scope === 'rule' ? annotationsValue(a) : new RegoObject());
      },
    },
  ],
  [
    'rego.metadata.chain',
    {
      call: (ev, _ctx, _args, k) => {
        const r = ev.ruleStack[ev.ruleStack.length - 1];
        if (!r) return k([]);
        const chain: RegoValue[] = [];
        const path = r.path.slice(1).map((p) => p as RegoValue);
        const entry = (p: RegoValue[], a?: Record<string, unknown>): RegoValue =>
          a ? RegoObject.fromRecord({ path: p, annotations: annotationsValue(a) }) : RegoObject.fromRecord({ path: p });
        const ruleAnn = r.source.annotations;
        chain.push(entry(path, ruleAnn && ruleAnn.scope === 'rule' ? ruleAnn : undefined));
        // document-scope annotations of any definition of the same rule
        for (const other of [...r.node.rules, ...r.node.defaults]) {
          const a = other.source.annotations;
          if (a && a.scope === 'document') chain.push(entry(path, a));
        }
        // package and subpackages annotations from the innermost package outwards
        const mods = ev.program.modules;
        const pkg = ['data', ...r.source.module.package.path];
        for (let len = pkg.length; len >= 1; len--) {
          const prefix = pkg.slice(0, len);
          for (const m of mods) {
            const mp = ['data', ...m.package.path];
            if (mp.length !== len || mp.some((x, i) => x !== prefix[i])) continue;
            for (const a of m.package.annotations ?? []) {
              if (len === pkg.length ? a.scope === 'package' || a.scope === 'subpackages' : a.scope === 'subpackages')
                chain.push(entry(prefix.slice(1), a));
            }
          }
        }
        return k(chain);
      },
    },
  ],
  [
    'opa.runtime',
    {
      call: (ev, _ctx, _args, k) =>
        k(ev.options.runtime ?? new RegoObject()),
    },
  ],
  [
    'rego.parse_module',
    {
      call: (ev, _ctx, [file, text], k, t) => {
        if (typeof file !== 'string' || typeof text !== 'string') {
          if (ev.strict) throw new RegoError('eval_type_error', `rego.parse_module: operand ${typeof file !== 'string' ? 1 : 2} must be string`, t.loc);
          return;
        }
        let json: unknown;
        try {
          json = moduleJSON(parseModule(file, text));
        } catch (error) {
          if (ev.strict) throw new RegoError('eval_builtin_error', `rego.parse_module: ${(error as Error).message}`, t.loc);
          return;
        }
        return k(fromJS(json));
      },
    },
  ],
  ['http.send', networkBuiltin('http.send', httpSend)],
  ['net.lookup_ip_addr', networkBuiltin('net.lookup_ip_addr', lookupIpAddr)],
]);
