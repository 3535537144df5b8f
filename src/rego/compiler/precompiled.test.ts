import { describe, expect, it } from 'vitest';
import { decodePrecompiled, encodePrecompiled, parseModule, precompiledModules, RegoEngine, type PrecompiledModule } from '../index.ts';

const LIB = `package lib.util

import rego.v1

# METADATA
# title: doubles
double(x) := 2 * x

label(x) := "big" if {
	x > 10
} else := "small" if {
	x > 1
} else := "tiny"
`;

const POLICY = `package p

import rego.v1
import data.lib.util

deny contains msg if {
	some item in input.items
	_ = item.tag
	n := util.double(item.n)
	msg := sprintf("%v: %v %v", [item.name, n, util.label(n)])
}

counts := {name: count(xs) | some name, xs in input.groups}

first_big := [x | some x in input.nums; x > 100][0]
`;

const sources: Record<string, string> = { 'lib/util.rego': LIB, 'p.rego': POLICY };

/** Every module of the program compiled from `sources`, encoded as a process that compiled other things first would. */
function encodeAll(): Map<string, string> {
  const engine = new RegoEngine();
  for (const [file, text] of Object.entries(sources)) engine.addModule(file, text);
  const out = new Map<string, string>();
  for (const [file, pre] of precompiledModules(engine.compile())) out.set(file, encodePrecompiled(pre, () => parseModule(file, sources[file]!)));
  return out;
}

function decodeAll(texts: Map<string, string>, parses: string[] = []): PrecompiledModule[] {
  return [...texts].map(([file, text]) =>
    decodePrecompiled(text, sources[file]!, () => {
      parses.push(file);
      return parseModule(file, sources[file]!);
    }),
  );
}

const input = {
  items: [
    { name: 'a', n: 3, tag: 't' },
    { name: 'b', n: 30, tag: 't' },
    { name: 'c', n: 0, tag: 't' },
    { name: 'untagged', n: 1 },
  ],
  groups: { x: [1, 2], y: [] },
  nums: [5, 500, 600],
};

describe('precompiled modules', () => {
  it('evaluate as the modules compiled from their text, and are neither parsed nor compiled again', () => {
    const fromText = new RegoEngine();
    for (const [file, text] of Object.entries(sources)) fromText.addModule(file, text);
    const parses: string[] = [];
    const fromForm = new RegoEngine();
    for (const pre of decodeAll(encodeAll(), parses)) fromForm.addPrecompiledModule(pre);
    for (const query of ['data.p.deny', 'data.p.counts', 'data.p.first_big', 'data.lib.util.label(5)', 'data.lib.util.label(1)', 'data.lib.util.label(50)']) {
      expect(fromForm.prepare(query).eval({ input }), query).toEqual(fromText.prepare(query).eval({ input }));
    }
    expect(fromForm.prepare('data.p.deny').evalValue({ input })).toBeDefined();
    expect(parses).toEqual([]);
    expect(fromForm.prepareRefs([['d', ['p', 'deny']], ['c', ['p', 'counts']]]).eval({ input })).toEqual(fromText.prepare('{"d": data.p.deny, "c": data.p.counts}').eval({ input }).map((r) => ({ ...r, expressions: r.expressions.map((e) => ({ ...e, location: { row: 1, col: 1 } })) })));
  });

  it('do not depend on the names the compiler generated before them', () => {
    const first = encodeAll();
    // Compiling more first moves the compiler's counters for generated names.
    const warm = new RegoEngine();
    warm.addModule('lib/util.rego', LIB);
    warm.addModule('other.rego', POLICY.replace('package p', 'package other'));
    warm.compile();
    expect(encodeAll()).toEqual(first);
  });

  it('keep rule annotations, locations and the package; heads and bodies are parsed from the text when read', () => {
    const parses: string[] = [];
    const [lib] = decodeAll(encodeAll(), parses).filter((m) => m.module.file === 'lib/util.rego');
    const rule = lib!.module.rules[0]!;
    expect(rule.annotations?.title).toBe('doubles');
    expect(rule.loc).toMatchObject({ file: 'lib/util.rego', row: 7, col: 1 });
    expect(lib!.module.package.path).toEqual(['lib', 'util']);
    expect(parses).toEqual([]);
    expect(rule.head).toEqual(parseModule('lib/util.rego', LIB).rules[0]!.head);
    expect(rule.module.rules[1]!.elseRule?.elseRule?.body).toEqual(parseModule('lib/util.rego', LIB).rules[1]!.elseRule!.elseRule!.body);
    expect(parses).toEqual(['lib/util.rego']);
  });

  it('are checked with a module compiled beside them that adds rules to their package', () => {
    // The library's rules refer to each other by bare name (no `data.` reference to the package): a module of the
    // same package (or of a package above it) that closes a cycle through them must be reported as compiling every
    // module from its text reports it.
    const lib = 'package lib.util\n\nimport rego.v1\n\nallowed if not blocked\n\nblocked if input.bad\n';
    const precompiledLib = (): PrecompiledModule => {
      const engine = new RegoEngine();
      engine.addModule('lib/util.rego', lib);
      const text = encodePrecompiled(precompiledModules(engine.compile()).get('lib/util.rego')!, () => parseModule('lib/util.rego', lib));
      return decodePrecompiled(text, lib, () => parseModule('lib/util.rego', lib));
    };
    const compileError = (add: (engine: RegoEngine) => void, file: string, user: string): string => {
      const engine = new RegoEngine();
      add(engine);
      engine.addModule(file, user);
      try {
        engine.compile();
      } catch (error) {
        return String(error);
      }
      return 'no error';
    };
    const cases: Array<[string, string]> = [
      ['user.rego', 'package lib.util\n\nimport rego.v1\n\nblocked if allowed\n'],
      ['user.rego', 'package lib\n\nimport rego.v1\n\nutil.blocked if util.allowed\n'],
    ];
    for (const [file, user] of cases) {
      const expected = compileError((e) => e.addModule('lib/util.rego', lib), file, user);
      expect(expected, user).toMatch(/rego_recursion_error: rule data.lib.util.allowed is recursive/);
      expect(compileError((e) => e.addPrecompiledModule(precompiledLib()), file, user), user).toBe(expected);
    }
  });

  it('a value JSON cannot carry exactly makes the module unfit to precompile', () => {
    const text = 'package big\n\nimport rego.v1\n\nn := 123456789012345678901234567890\n';
    const engine = new RegoEngine();
    engine.addModule('big.rego', text);
    const pre = precompiledModules(engine.compile()).get('big.rego')!;
    expect(() => encodePrecompiled(pre, () => parseModule('big.rego', text))).toThrow(/no exact JSON form/);
  });
});
