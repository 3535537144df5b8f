/**
 * The compiler: modules -> a program (rule tree + rewritten, safety-ordered bodies). Runs name resolution,
 * local variable scoping, output-argument rewriting (`count(x, n)` -> `n = count(x)`), safety reordering,
 * arity/undefined-function checks, rule-kind conflict checks and recursion checks, collecting OPA-style errors.
 */
import type { Body, Expr, Import, Loc, Module, Rule, Term, TermOf } from '../syntax/ast.ts';
import { refString } from '../syntax/ref-string.ts';
import { RegoCompileErrors, RegoError } from '../syntax/errors.ts';
import { importPath } from '../syntax/parser.ts';
import { VarRewriter, type Declaration, type NameContext } from './rewrite-vars.ts';
import { checkHead, fixTerm, reorderBody } from './safety.ts';
import { RuleNode, type CompiledRule } from './rule-tree.ts';
import { forEachVar } from './terms.ts';
import { isClosure, mapExpr, mapTerm, someTerm, walkBody, walkTerm, type Visitor } from '../syntax/visit.ts';
import { checkRecursion } from './recursion.ts';
import { checkTypes, TypeChecker } from './type-check.ts';
import { ProgramRuleTypes } from './rule-types.ts';
import { hoistNegatedOperands } from './negation.ts';
import { checkUnusedDeclarations, unusedArgumentError } from './unused.ts';
import { signatureArity, type BuiltinSignatures } from './signatures.ts';
import type { RuleTypes } from './type-check.ts';
import type { DetachedRule, PrecompiledModule } from './precompiled.ts';
import { packageMatches } from '../syntax/data-refs.ts';

export interface Program {
  readonly root: RuleNode;
  readonly modules: readonly Module[];
  readonly rules: readonly CompiledRule[];
  /** Function arity by dotted absolute path. */
  readonly functions: ReadonlyMap<string, number>;
  /** The builtins the program was compiled against. */
  readonly builtins: BuiltinSignatures;
  /** Types of rule documents and function results (for type-checking queries). */
  readonly types: RuleTypes;
}

/** What the compiler needs besides the modules. */
interface Signatures {
  readonly builtins: BuiltinSignatures;
  readonly functions: ReadonlyMap<string, number>;
  /** OPA's strict mode (opa check --strict): unused assignments, arguments and imports, duplicate imports, deprecated builtins. */
  readonly strict: boolean;
  /** Calls `data.x.f()` with no arguments to something that is not a function, checked after all rules compile. */
  readonly zeroArgCalls?: Array<TermOf<'call'>>;
}

export interface CompileOptions {
  strict?: boolean;
  /**
   * Modules compiled ahead of time (`precompiled.ts`): their rules are placed in the rule tree as they are. The checks
   * that only look for errors (recursion, types) leave their rules out too, unless one of them refers to a module
   * compiled now: they compiled without errors in a program that held everything they refer to, and what is compiled
   * now cannot change their types nor close a cycle through them without being referred to.
   */
  precompiled?: ReadonlyMap<Module, PrecompiledModule>;
}

let ruleIds = 0;

export function compileModules(modules: readonly Module[], builtins: BuiltinSignatures, options: CompileOptions = {}): Program {
  const strict = options.strict ?? false;
  const zeroArgCalls: Array<TermOf<'call'>> = [];
  const errors: RegoError[] = [];
  const root = new RuleNode(['data'], undefined);
  // pass 1: package rule names, function arities
  const pkgRules = new Map<string, Set<string>>();
  const functions = new Map<string, number>();
  /** A function rule's arity: every rule of one function takes the same number of arguments. */
  const noteArity = (path: string, arity: number, loc: Loc): void => {
    const prev = functions.get(path);
    if (prev !== undefined && prev !== arity) errors.push(new RegoError('rego_type_error', `conflicting rules ${path} found`, loc));
    functions.set(path, arity);
  };
  for (const m of modules) {
    const key = ['data', ...m.package.path].join('.');
    const names = pkgRules.get(key) ?? new Set<string>();
    pkgRules.set(key, names);
    const ready = options.precompiled?.get(m);
    if (ready) {
      // the same facts, read from the compiled rules (the module's rule heads are parsed only when read)
      for (const r of ready.rules) {
        const ground = r.path.slice(1 + m.package.path.length);
        if (ground.length > 0) names.add(ground[0]!);
        if (r.args) noteArity(r.path.join('.'), r.args.length, r.source.loc);
      }
      continue;
    }
    for (const r of m.rules) {
      const first = r.head.ref[0]!;
      if (first.type === 'var') names.add(first.name);
      if (r.head.args) noteArity(['data', ...m.package.path, ...groundHeadStrings(r.head.ref)].join('.'), r.head.args.length, r.loc);
    }
  }
  /** The rules compiled now; `all` also has the precompiled ones, in module order. */
  const compiled: CompiledRule[] = [];
  const all: CompiledRule[] = [];
  const precompiled = options.precompiled;
  for (const m of modules) {
    const pkg = ['data', ...m.package.path];
    // packages exist (as empty objects) even without rules
    m.package.path.reduce((n, k) => n.child(k), root);
    const ready = precompiled?.get(m);
    if (ready) {
      for (const rule of ready.rules) all.push(attachRule(rule, root));
      continue;
    }
    const imports = new Map<string, string[]>();
    const importOf = new Map<string, Import>();
    for (const imp of m.imports) {
      const p = importPath(imp.path);
      if (p[0] === 'future' || p[0] === 'rego') continue;
      const alias = imp.alias ?? p[p.length - 1]!;
      if (p.length === 1 && !imp.alias) continue;
      const previous = importOf.get(alias);
      if (strict && previous) errors.push(new RegoError('rego_compile_error', `import must not shadow ${importText(previous)}`, imp.loc));
      imports.set(alias, p);
      importOf.set(alias, imp);
    }
    const usedImports = new Set<string>();
    const ctx: NameContext = { pkg, rules: pkgRules.get(pkg.join('.'))!, imports, errors, usedImports };
    if (strict)
      for (const r of m.rules) {
        const first = r.head.ref[0];
        if (first?.type === 'var' && (first.name === 'input' || first.name === 'data'))
          errors.push(new RegoError('rego_compile_error', `rules must not shadow ${first.name} (use a different rule name)`, r.loc));
      }
    for (const r of m.rules) {
      const c = compileRule(r, ctx, root, { builtins, functions, strict, zeroArgCalls }, errors);
      if (c) compiled.push(c);
      if (c) all.push(c);
    }
    if (strict) for (const [alias, imp] of importOf) if (!usedImports.has(alias)) errors.push(new RegoError('rego_compile_error', `${importText(imp)} unused`, imp.loc));
  }
  // rule kind conflicts
  for (const node of root.walk()) {
    const kinds = new Set(node.rules.map((r) => (r.keyTerms.length ? 'object' : r.kind)));
    for (const d of node.defaults) kinds.add(d.kind);
    if (kinds.size > 1) errors.push(new RegoError('rego_type_error', `conflicting rules ${node.dottedPath} found`, (node.rules[0] ?? node.defaults[0])!.source.loc));
    if (node.defaults.length > 1) errors.push(new RegoError('rego_type_error', `multiple default rules ${node.dottedPath} found`, node.defaults[1]!.source.loc));
    if (node.rules.length || node.defaults.length) for (let p = node as RuleNode | undefined; p; p = p.parent) p.hasRules = true;
  }
  for (const node of root.walk()) {
    const hasComplete = node.rules.some((r) => r.kind === 'complete' && r.keyTerms.length === 0) || node.defaults.length > 0;
    if (hasComplete && [...node.children.values()].some((c) => c.hasRules))
      errors.push(new RegoError('rego_type_error', `rule ${node.dottedPath} conflicts with rules under it`, (node.rules[0] ?? node.defaults[0])!.source.loc));
  }
  // the rules the checks below look at: those compiled now, and the precompiled ones if one may refer to those: by a
  // `data.` reference, or by a bare rule name of its package, which rules of a fresh module of that package or of a
  // package above it (`util.x` in package `lib`) may define too
  const fresh = modules.filter((m) => !precompiled?.has(m)).map((m) => m.package.path);
  const refersToFresh = (m: Module): boolean =>
    fresh.some((pkg) => packageMatches(pkg, precompiled!.get(m)!.dataRefs) || isPrefix(pkg, m.package.path));
  const checked = all.length === compiled.length || modules.some((m) => precompiled?.has(m) && refersToFresh(m)) ? all : compiled;
  checkRecursion(root, checked, errors);
  // types need every rule (rule values type refs to them); recursion is excluded by now
  const types = new ProgramRuleTypes(root, builtins);
  const typeErrors: RegoError[] = [];
  checkZeroArgCalls(zeroArgCalls, root, types, typeErrors);
  const checker = new TypeChecker(builtins, types, typeErrors, { equalIsUnify: true });
  for (const c of checked)
    for (let r: CompiledRule | undefined = c; r; r = r.elseRule)
      checker.checkBody(r.body, [...r.keyTerms, ...(r.element ? [r.element] : []), ...(r.value ? [r.value] : [])]);
  throwStageErrors(errors, typeErrors);
  return { root, modules, rules: all, functions, builtins, types };
}

/** Is `prefix` the start of `path` (or all of it)? */
function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

/**
 * `f()` on a rule that is not a function: OPA's type checker accepts the call when the rule's type is `any` (a union
 * of types, or unknown), and evaluates the rule like a function without arguments; otherwise it is undefined.
 */
function checkZeroArgCalls(calls: ReadonlyArray<TermOf<'call'>>, root: RuleNode, types: RuleTypes, errors: RegoError[]): void {
  for (const call of calls) {
    const path = call.name.split('.').slice(1);
    const node = root.find(path);
    const doc = node && (node.rules.length || node.defaults.length) ? types.documentType(path) : undefined;
    if (!doc || doc.length !== path.length || doc.type.type !== 'any') errors.push(new RegoError('rego_type_error', `undefined function ${call.name}`, call.loc));
  }
}

/** `import data.a.b as c`, as OPA prints an import. */
function importText(imp: Import): string {
  return `import ${refString(importPath(imp.path))}${imp.alias ? ` as ${imp.alias}` : ''}`;
}

/**
 * OPA's compiler runs in stages and stops after the first stage that reports errors: name and variable rewriting
 * (compile errors), rule conflicts and undefined functions (type errors), safety (unsafe variables), recursion, then
 * the type checker. The errors reported are those of the earliest stage that has any.
 */
function throwStageErrors(errors: RegoError[], typeErrors: RegoError[]): void {
  const stage = (e: RegoError): number =>
    ({ rego_parse_error: 0, rego_compile_error: 1, rego_type_error: 2, rego_unsafe_var_error: 3, rego_recursion_error: 4 } as Record<string, number>)[e.code] ?? 5;
  if (errors.length) {
    const first = Math.min(...errors.map(stage));
    throw new RegoCompileErrors(dedupe(errors.filter((e) => stage(e) === first)));
  }
  if (typeErrors.length) throw new RegoCompileErrors(dedupe(typeErrors));
}

function dedupe(errors: RegoError[]): RegoError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}

let hoistCounter = 0;

/** Replace a head term that needs evaluation with a fresh var bound by an appended body expression. */
function hoist(t: Term, out: Expr[]): Term {
  if (!needsEval(t)) return t;
  const v: Term = { type: 'var', name: `__head${++hoistCounter}__`, loc: t.loc };
  out.push({ kind: 'unify', left: v, right: t, assign: false, negated: false, withs: [], loc: t.loc });
  return v;
}

/** Does a head term need evaluation (a ref, call, template or comprehension anywhere inside)? */
function needsEval(t: Term): boolean {
  return someTerm(t, (x) => x.type !== 'scalar' && x.type !== 'var' && x.type !== 'array' && x.type !== 'set' && x.type !== 'object');
}

function groundHeadStrings(ref: Term[]): string[] {
  const out: string[] = [];
  for (const [i, t] of ref.entries()) {
    if (i === 0 && t.type === 'var') out.push(t.name);
    else if (t.type === 'scalar' && typeof t.value === 'string' && i > 0) out.push(t.value);
    else break;
  }
  return out;
}

function compileRule(
  rule: Rule,
  ctx: NameContext,
  root: RuleNode,
  sigs: Signatures,
  errors: RegoError[],
  node?: RuleNode,
  prefixLen?: number,
  /** For an else branch: the unused arguments of the branches before it, narrowed to those this branch leaves unused too. */
  branchUnused?: Declaration[],
): CompiledRule | undefined {
  const head = rule.head;
  const ground = groundHeadStrings(head.ref);
  const path = [...ctx.pkg, ...ground];
  const target = node ?? root.find(path.slice(1)) ?? path.slice(1).reduce((n, k) => n.child(k), root);
  const tail = head.ref.slice(prefixLen ?? ground.length);
  const headTerms: Term[] = [...tail];
  if (head.key) headTerms.push(head.key);
  if (head.value) headTerms.push(head.value);
  // head terms that must be evaluated (refs, calls, closures) are moved into the body, as OPA does
  const hoisted: Expr[] = [];
  const headVars = headTerms.map((t) => hoist(t, hoisted));
  // function arguments that must be evaluated (templates, calls, refs) are compared after the body
  const argVars = head.args?.map((t) => (t.type === 'template' || t.type === 'call' ? hoist(t, hoisted) : t));
  let newHead: Term[] = headVars;
  const rewriter = new VarRewriter(ctx);
  const rewritten = rewriter.rule(argVars, [...rule.body, ...hoisted], headVars, (t) => (newHead = t));
  const args = rewritten.args;
  const unusedArgs = checkUnusedDeclarations(rewriter.declarations, args ?? [], rewritten.body, newHead, sigs.strict, errors);
  let body = rewriteOutputArgs(rewritten.body, sigs, errors);
  const bound = new Set<string>();
  for (const a of args ?? []) forEachVar(a, (n) => bound.add(n));
  const r = reorderBody(body, bound, new Set(), errors, newHead);
  body = r.body;
  const outer = new Set<string>(r.bound);
  const fixed = newHead.map((t) => fixTerm(t, r.bound, outer, errors));
  checkHead(fixed, r.bound, errors);
  checkCalls(body, fixed, sigs, errors);
  body = hoistNegatedOperands(body, { equalIsUnify: true });
  const keyTerms = fixed.slice(0, tail.length);
  let i = tail.length;
  const element = head.key ? fixed[i++] : undefined;
  const value = head.value ? fixed[i++] : undefined;
  const elseRule = rule.elseRule ? compileRule(rule.elseRule, ctx, root, sigs, errors, target, ground.length, unusedArgs) : undefined;
  // an argument is unused when no branch of the else chain uses it (reported once, at the first rule of the chain)
  if (node) branchUnused?.splice(0, branchUnused.length, ...branchUnused.filter((d) => unusedArgs.some((u) => u.written === d.written)));
  else if (sigs.strict) for (const d of unusedArgs) errors.push(unusedArgumentError(d));
  const c: CompiledRule = {
    source: rule,
    kind: rule.kind,
    isDefault: rule.isDefault,
    path,
    keyTerms,
    ...(args ? { args } : {}),
    ...(element ? { element } : {}),
    ...(value ? { value } : {}),
    body,
    ...(elseRule ? { elseRule } : {}),
    node: target,
    id: ++ruleIds,
  };
  rule.path = path;
  if (!node) (rule.isDefault ? target.defaults : target.rules).push(c);
  return c;
}

/** A precompiled rule (and its else chain) placed in the rule tree, as compileRule places the rules it compiles. */
function attachRule(rule: DetachedRule, root: RuleNode, node?: RuleNode): CompiledRule {
  const target = node ?? rule.path.slice(1).reduce((n, k) => n.child(k), root);
  const { elseRule: detachedElse, ...parts } = rule;
  const elseRule = detachedElse ? attachRule(detachedElse, root, target) : undefined;
  const c: CompiledRule = { ...parts, ...(elseRule ? { elseRule } : {}), node: target, id: ++ruleIds };
  rule.source.path = rule.path;
  if (!node) (rule.isDefault ? target.defaults : target.rules).push(c);
  return c;
}

/** Compile a query body against a program. */
export function compileQuery(body: Body, program: Program, options: { pkg?: string[]; imports?: Map<string, string[]> } = {}): Body {
  const errors: RegoError[] = [];
  const pkg = options.pkg ?? ['data'];
  const rules = new Set<string>();
  if (options.pkg) {
    const n = program.root.find(pkg.slice(1));
    if (n) for (const k of n.children.keys()) rules.add(k);
  }
  const ctx: NameContext = { pkg, rules, imports: options.imports ?? new Map(), errors, keepNames: true };
  const rewritten = new VarRewriter(ctx).query(body);
  const zeroArgCalls: Array<TermOf<'call'>> = [];
  const sigs: Signatures = { ...program, strict: false, zeroArgCalls };
  let out = rewriteOutputArgs(rewritten, sigs, errors);
  out = reorderBody(out, new Set(), new Set(), errors).body;
  checkCalls(out, [], sigs, errors);
  const typeErrors: RegoError[] = [];
  checkZeroArgCalls(zeroArgCalls, program.root, program.types, typeErrors);
  checkTypes(out, [], sigs.builtins, typeErrors, program.types);
  out = hoistNegatedOperands(out, { equalIsUnify: false });
  throwStageErrors(errors, typeErrors);
  return out;
}

function arityOf(name: string, sigs: Signatures): number | undefined {
  if (name.startsWith('data.')) return sigs.functions.get(name);
  const s = sigs.builtins.signature(name);
  return s && signatureArity(s);
}

function rewriteOutputArgs(body: Body, functions: Signatures, errors: RegoError[]): Body {
  return body.map((e): Expr => {
    const mapped = mapExpr(e, (t) => rewriteNestedBodies(t, functions, errors), (b) => rewriteOutputArgs(b, functions, errors));
    if (mapped.kind !== 'term' || mapped.term.type !== 'call') return mapped;
    const call = mapped.term;
    const arity = arityOf(call.name, functions);
    if (arity === undefined || arity < 0 || call.args.length !== arity + 1) return mapped;
    const output = call.args[arity]!;
    const inner: Term = { ...call, args: call.args.slice(0, arity) };
    return { kind: 'unify', left: output, right: inner, assign: false, output: true, negated: mapped.negated, withs: mapped.withs, loc: mapped.loc, ...(mapped.index !== undefined ? { index: mapped.index } : {}) };
  });
}

/** Output arguments inside comprehension bodies nested in `t`. */
function rewriteNestedBodies(t: Term, functions: Signatures, errors: RegoError[]): Term {
  if (!someTerm(t, isClosure)) return t;
  return mapTerm(t, (x) => rewriteNestedBodies(x, functions, errors), (b) => rewriteOutputArgs(b, functions, errors));
}

/** Undefined functions and wrong arities (rego_type_error). */
function checkCalls(body: Body, head: Term[], functions: Signatures, errors: RegoError[]): void {
  const visitor: Visitor = {
    term: (t) => {
      if (t.type !== 'call') return;
      const arity = arityOf(t.name, functions);
      if (functions.strict && !t.name.startsWith('data.') && functions.builtins.signature(t.name)?.deprecated)
        errors.push(new RegoError('rego_type_error', `deprecated built-in function calls in expression: ${t.name}`, t.loc));
      if (arity === undefined && t.args.length === 0 && t.name.startsWith('data.') && functions.zeroArgCalls) {
        // `f()` on a rule: decided by the rule's type once every rule is compiled (see checkZeroArgCalls)
        functions.zeroArgCalls.push(t);
      } else if (arity === undefined) {
        errors.push(new RegoError('rego_type_error', `undefined function ${t.name}`, t.loc));
      } else if (arity >= 0 && t.args.length !== arity) {
        errors.push(new RegoError('rego_type_error', `${t.name}: ${t.args.length > arity ? 'too many arguments' : 'too few arguments'}`, t.loc));
      }
    },
  };
  walkBody(body, visitor);
  for (const t of head) walkTerm(t, visitor);
}
