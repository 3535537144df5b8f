import { describe, expect, it } from 'vitest';
import { encodePrecompiled, parseModule, precompiledModules, RegoEngine } from '../rego/index.ts';
import { createRegoBackend, type BackendModule } from './rego-backend.ts';

const helper: BackendModule = { file: 'lib/util.rego', source: 'package lib.util\n\nimport rego.v1\n\ndouble(x) := 2 * x\n', deferred: true };
const unused: BackendModule = { file: 'lib/other.rego', source: 'package lib.other\n\nimport rego.v1\n\nbroken := undefined_function(1)\n', deferred: true };
const policy: BackendModule = { file: 'p.rego', source: 'package p\n\nimport rego.v1\nimport data.lib.util\n\nv := util.double(input.n)\n', deferred: true };

describe('createRegoBackend', () => {
  it('compiles a deferred module once it is included, with the deferred helpers it refers to and no others', () => {
    const backend = createRegoBackend([helper, unused, policy]);
    expect([...backend.included]).toEqual([]);
    backend.include(['p.rego']);
    expect([...backend.included].sort()).toEqual(['lib/util.rego', 'p.rego']);
    // lib/other.rego does not compile; it is not needed, so it is not compiled.
    expect(backend.query('data.p.v', backend.toInput({ n: 21 }))).toBe(42);
  });

  it('compiles a helper a user module refers to at once, and a module referring to everything pulls in everything', () => {
    const user: BackendModule = { file: 'user.rego', source: 'package user\n\nimport rego.v1\n\nw := data.lib.util.double(2)\n', optional: true };
    const backend = createRegoBackend([helper, unused, policy, user]);
    expect([...backend.included].sort()).toEqual(['lib/util.rego', 'user.rego']);
    expect(backend.query('data.user.w', backend.toInput({}))).toBe(4);
    const everything: BackendModule = { file: 'all.rego', source: 'package all\n\nimport rego.v1\n\nkeys := {k | some k, _ in data}\n', optional: true };
    const wide = createRegoBackend([helper, policy, everything]);
    expect([...wide.included].sort()).toEqual(['all.rego', 'lib/util.rego', 'p.rego']);
  });

  it('a required deferred module that does not compile fails when it is needed', () => {
    const needsBroken: BackendModule = { file: 'q.rego', source: 'package q\n\nimport rego.v1\n\nx := data.lib.other.broken\n', deferred: true };
    const backend = createRegoBackend([unused, needsBroken]);
    expect(() => backend.include(['q.rego'])).toThrow(/undefined_function/);
  });

  it('takes modules from their precompiled form only when no module is optional, and parses one whose form does not decode', () => {
    const engine = new RegoEngine();
    for (const m of [helper, policy]) engine.addModule(m.file, m.source);
    const forms = new Map([...precompiledModules(engine.compile())].map(([file, pre]) => [file, encodePrecompiled(pre, () => parseModule(file, pre.module.source))]));
    const asked: string[] = [];
    const precompiled = (m: BackendModule): string | undefined => {
      asked.push(m.file);
      return m.file === 'p.rego' ? 'not a precompiled module' : forms.get(m.file);
    };
    const library = createRegoBackend([helper, policy], { precompiled });
    library.include(['p.rego']);
    expect(library.query('data.p.v', library.toInput({ n: 4 }))).toBe(8);
    expect(library.queryRefs([['v', ['p', 'v']]], library.toInput({ n: 5 }))).toEqual({ v: 10 });
    expect(asked.sort()).toEqual(['lib/util.rego', 'p.rego']);
    asked.length = 0;
    const user: BackendModule = { file: 'user.rego', source: 'package user\n\nimport rego.v1\n\nw := data.lib.util.double(2)\n', optional: true };
    const withUser = createRegoBackend([helper, policy, user], { precompiled });
    withUser.include(['p.rego']);
    expect(withUser.query('data.user.w', withUser.toInput({}))).toBe(4);
    expect(asked).toEqual([]);
  });
});
