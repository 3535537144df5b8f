/**
 * Modules compiled ahead of time: a module's compiled rules as JSON text, so a process that runs a fixed policy library
 * neither parses nor compiles it (`RegoEngine.addPrecompiledModule`). A compiled rule depends on the module and on what
 * the compiler saw around it (the rule names of its package, function arities, builtins), so the text is only valid for
 * the program it was compiled in, or a part of it that holds everything the module refers to; whoever ships the text
 * checks that (e.g. by the SHA-256 of every source and a test that regenerates it).
 *
 * The module's own syntax tree is kept whole except the heads and bodies of its rules: those are parsed from the source
 * text the first time something reads them (the compiled rules are what evaluation reads).
 */
import type { Module, Rule } from '../syntax/ast.ts';
import { dataRefs } from '../syntax/data-refs.ts';
import type { Program } from './compile.ts';
import type { CompiledRule } from './rule-tree.ts';

/** A compiled rule without its place in a rule tree (`node`, `id`), which the program it joins gives it. */
export type DetachedRule = Omit<CompiledRule, 'node' | 'id' | 'elseRule'> & { elseRule?: DetachedRule };

/** A module and its compiled rules, in the order the compiler produced them. */
export interface PrecompiledModule {
  readonly module: Module;
  readonly rules: readonly DetachedRule[];
  /** `dataRefs(module)`: the data documents the module's text refers to. */
  readonly dataRefs: readonly string[][];
}

/** The compiled rules of `program`, by module file. */
export function precompiledModules(program: Program): Map<string, PrecompiledModule> {
  const out = new Map<string, PrecompiledModule>();
  for (const module of program.modules) out.set(module.file, { module, rules: [], dataRefs: dataRefs(module) });
  for (const rule of program.rules) (out.get(rule.source.module.file)?.rules as DetachedRule[] | undefined)?.push(rule);
  return out;
}

interface Encoded {
  module: Omit<Module, 'source' | 'rules'> & { rules: Array<Partial<Rule>> };
  rules: Array<{ source: number; rule: Record<string, unknown> }>;
  dataRefs: string[][];
}

/** A name the compiler generates: `x__12` (a renamed or wildcard variable, `$__3`), `__head4__` (a hoisted head term). */
const GENERATED = /^(.*)__(\d+)$|^__head(\d+)__$/;

/**
 * Generated variable names renumbered in order of first use: the compiler numbers them across everything a process
 * compiles, the text must not depend on that. A compiled rule's variables live in its own scope, and every generated
 * name maps to a distinct new one, so the rules mean what they meant.
 */
function canonicalNames(): (name: string) => string {
  const names = new Map<string, string>();
  return (name) => {
    const known = names.get(name);
    if (known !== undefined) return known;
    const match = GENERATED.exec(name);
    if (!match) return name;
    const n = names.size + 1;
    const fresh = match[3] === undefined ? `${match[1]}__${n}` : `__head${n}__`;
    names.set(name, fresh);
    return fresh;
  };
}

function isVar(value: unknown): value is { type: 'var'; name: string } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'var' && typeof (value as { name?: unknown }).name === 'string';
}

/** The parts of a rule that are parsed again from the source on first use. */
const LAZY_PARTS = ['head', 'body'] as const;

/**
 * The JSON text of a precompiled module (the source text and the rules' heads and bodies left out: `decodePrecompiled`
 * is given the text and how to parse it). Throws when the module holds a value JSON cannot carry exactly (a big
 * integer, -0), or when the text does not decode to an equal module: such a module is compiled as usual instead.
 */
export function encodePrecompiled(pre: PrecompiledModule, parse: () => Module): string {
  const { source: _source, rules: moduleRules, file, ...module } = pre.module;
  const outline = { file, ...module, rules: moduleRules.map(ruleOutline) };
  const compiled = pre.rules.map((r) => ({ source: moduleRules.indexOf(r.source), rule: plainCompiled(r) }));
  if (compiled.some((r) => r.source < 0)) throw new Error(`${file}: a compiled rule whose source is not a rule of the module`);
  const exact = (_key: string, value: unknown): unknown => {
    if (typeof value === 'bigint' || Object.is(value, -0) || (typeof value === 'number' && !Number.isFinite(value)))
      throw new Error(`${file}: ${String(value)} has no exact JSON form`);
    return value;
  };
  const rename = canonicalNames();
  const renamed = (key: string, value: unknown): unknown => {
    if (isVar(value)) {
      const name = rename(value.name);
      return name === value.name ? value : { ...value, name };
    }
    return exact(key, value);
  };
  const text = `{"module":${JSON.stringify(outline, exact)},"rules":${JSON.stringify(compiled, renamed)},"dataRefs":${JSON.stringify(pre.dataRefs)}}`;
  // Every location names the module's file: written once, put back by decodePrecompiled.
  const compact = text.replaceAll(`"loc":{"file":${JSON.stringify(file)},`, '"loc":{');
  const back = decodePrecompiled(compact, pre.module.source, parse);
  const difference = firstDifference(back.module, pre.module, '.module') ?? firstDifference(back.rules, pre.rules, '.rules', rename) ?? firstDifference(back.dataRefs, pre.dataRefs, '.dataRefs');
  if (difference) throw new Error(`${file}: the encoded module decodes differently at ${difference}`);
  return compact;
}

/** The module `encodePrecompiled` wrote; `parse` parses its source (as it was parsed to compile it) when needed. */
export function decodePrecompiled(text: string, source: string, parse: () => Module): PrecompiledModule {
  const file = /^\{"module":\{"file":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  if (file === undefined) throw new Error('not a precompiled module');
  // A `"loc":{` outside a JSON string is always a location's start (inside one the quotes are escaped).
  const start = `"loc":{"file":${file},`;
  const encoded = JSON.parse(text.split('"loc":{').join(start)) as Encoded;
  const module = encoded.module as unknown as Module;
  module.source = source;
  let parsed: Module | undefined;
  const original = (): Module => (parsed ??= parse());
  module.rules.forEach((top, index) => {
    let depth = 0;
    for (let rule: Rule | undefined = top; rule; rule = rule.elseRule, depth++) {
      rule.module = module;
      for (const part of LAZY_PARTS) lazyPart(rule, part, index, depth, original);
    }
  });
  const rules = encoded.rules.map((e) => attachSources(e.rule as unknown as DetachedRule, module.rules[e.source]!));
  return { module, rules, dataRefs: encoded.dataRefs };
}

/** `rule[part]` read from the parsed module on first use (the rule at `index`, `depth` steps down its else chain). */
function lazyPart(rule: Rule, part: (typeof LAZY_PARTS)[number], index: number, depth: number, original: () => Module): void {
  Object.defineProperty(rule, part, {
    configurable: true,
    enumerable: true,
    get() {
      let from = original().rules[index];
      for (let d = 0; d < depth; d++) from = from?.elseRule;
      if (!from) throw new Error(`${rule.loc.file}: the source of a precompiled rule does not parse to the same rules`);
      const value = from[part];
      Object.defineProperty(rule, part, { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
    set(value: unknown) {
      Object.defineProperty(rule, part, { configurable: true, enumerable: true, writable: true, value });
    },
  });
}

function attachSources(rule: DetachedRule, source: Rule): DetachedRule {
  (rule as { source: Rule }).source = source;
  if (rule.elseRule) {
    if (!source.elseRule) throw new Error(`${source.loc.file}: a compiled else branch without its source`);
    attachSources(rule.elseRule, source.elseRule);
  }
  return rule;
}

/** A rule without its module (a back reference) and without the parts parsed again on use. */
function ruleOutline(rule: Rule): Partial<Rule> {
  const { module: _module, head: _head, body: _body, elseRule, ...rest } = rule;
  return { ...rest, ...(elseRule ? { elseRule: ruleOutline(elseRule) as Rule } : {}) };
}

function plainCompiled(rule: DetachedRule): Record<string, unknown> {
  const { source: _source, elseRule, ...rest } = rule;
  const { node: _node, id: _id, ...plain } = rest as typeof rest & { node?: unknown; id?: unknown };
  return { ...plain, ...(elseRule ? { elseRule: plainCompiled(elseRule) } : {}) };
}

/**
 * Where two decoded structures differ (a path), or undefined: plain objects and arrays member by member (a member
 * that is undefined counts as absent, as in JSON), anything else by identity (`Object.is`). Back references (a rule's
 * module, a compiled rule's source) are compared by position, not followed; a compiled rule's node and id are left out.
 * With `rename`, a variable of `a` is named as `rename` names the one of `b`.
 */
function firstDifference(a: unknown, b: unknown, path: string, rename?: (name: string) => string, seen = new Set<unknown>()): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (rename && isVar(a) && isVar(b) && a.name !== rename(b.name)) return `${path}.name`;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return path;
  if (Object.getPrototypeOf(a) !== Object.prototype && !Array.isArray(a)) return path;
  if (seen.has(b)) return undefined;
  seen.add(b);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    // a compiled rule's place in its program is not part of it
    if ((key === 'node' || key === 'id') && 'keyTerms' in a) continue;
    if (key === 'module' && isRuleLike(a)) {
      if ((x as Module | undefined)?.file !== (y as Module | undefined)?.file) return `${path}.module`;
      continue;
    }
    if (key === 'source' && isRuleLike(a) && isRuleLike(x) && isRuleLike(y)) {
      if (!sameRulePosition(x as Rule, y as Rule)) return `${path}.source`;
      continue;
    }
    if (rename && key === 'name' && isVar(a)) continue;
    const difference = firstDifference(x, y, `${path}.${key}`, rename, seen);
    if (difference) return difference;
  }
  return undefined;
}

function isRuleLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'body' in value && ('head' in value || 'keyTerms' in value);
}

function sameRulePosition(a: Rule, b: Rule): boolean {
  return a.loc.file === b.loc.file && a.loc.offset === b.loc.offset && a.loc.row === b.loc.row && a.loc.col === b.loc.col;
}
