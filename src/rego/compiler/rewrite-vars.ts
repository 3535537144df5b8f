/**
 * Resolves names and scopes variables, like OPA's resolveAllRefs + rewriteLocalVars:
 *  - vars naming a rule of the package become `data.<pkg>.<name>` refs; import aliases expand to their paths;
 *  - variables declared with `:=`, `some`, `some .. in`, `every` and function arguments get unique names per scope,
 *    so a comprehension's declarations shadow outer ones; `_` becomes a fresh variable per occurrence;
 *  - undeclared variables inside a comprehension refer to the enclosing body's variable of the same name, if any.
 */
import type { Body, Expr, Loc, Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import { forEachExprVar, forEachVar } from './terms.ts';
import { mapTerm } from '../syntax/visit.ts';

export interface NameContext {
  /** data path of the package, e.g. ['data','pkg']. */
  pkg: string[];
  /** Names of rules defined at the package's top level (first ref element). */
  rules: Set<string>;
  /** Import alias -> path (['data','x','y'] or ['input','a']). */
  imports: Map<string, string[]>;
  errors: RegoError[];
  /** Keep declared names unchanged (top-level query vars are reported under their own names). */
  keepNames?: boolean;
  /** Import aliases that names resolved to (for the unused-import check). */
  usedImports?: Set<string>;
}

class Scope {
  readonly decl = new Map<string, string>();
  constructor(
    readonly parent: Scope | undefined,
    /** raw var names used in this scope's body (outside nested closures) */
    readonly used: Set<string>,
  ) {}
  lookup(name: string): string | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const d = s.decl.get(name);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  /** Is `name` a (declared or used) variable of an enclosing scope? */
  outerUses(name: string): boolean {
    for (let s = this.parent; s; s = s.parent) if (s.used.has(name) || s.decl.has(name)) return true;
    return false;
  }
}

let counter = 0;
export function freshName(base: string): string {
  return `${base === '_' ? '$' : base}__${++counter}`;
}

export function isGeneratedVar(name: string): boolean {
  return name.includes('__') || name.startsWith('$');
}

function pathTerm(path: string[], loc: Loc): Term {
  const head: Term = { type: 'var', name: path[0]!, loc };
  if (path.length === 1) return head;
  return { type: 'ref', head, path: path.slice(1).map((p) => ({ type: 'scalar', value: p, loc }) as Term), loc };
}

/** How a variable was declared (for the unused-variable checks). */
export type DeclarationKind = 'arg' | 'assign' | 'some' | 'somein' | 'every';

export interface Declaration {
  /** The renamed variable. */
  readonly name: string;
  /** The name as written. */
  readonly written: string;
  readonly kind: DeclarationKind;
  readonly loc: Loc;
}

export class VarRewriter {
  /** Every variable declared while rewriting (arguments, :=, some, some .. in, every). */
  readonly declarations: Declaration[] = [];

  constructor(private readonly ctx: NameContext) {}

  private usedIn(body: Body, extra: Term[] = []): Set<string> {
    const used = new Set<string>();
    for (const e of body) forEachExprVar(e, (n) => used.add(n), false);
    for (const t of extra) forEachVar(t, (n) => used.add(n), false);
    return used;
  }

  /** Rewrite a rule: args, body, then head terms (which see the body's declarations). */
  rule(args: Term[] | undefined, body: Body, headTerms: Term[], setHead: (terms: Term[]) => void): { args?: Term[]; body: Body } {
    const scope = new Scope(undefined, this.usedIn(body, [...(args ?? []), ...headTerms]));
    let newArgs: Term[] | undefined;
    if (args) {
      // a variable repeated in the arguments is one variable: the call's arguments must unify in both places
      newArgs = args.map((a) => this.declarePattern(a, scope, 'arg', true));
    }
    const newBody = this.body(body, scope);
    setHead(headTerms.map((t) => this.term(t, scope)));
    return newArgs ? { args: newArgs, body: newBody } : { body: newBody };
  }

  query(body: Body): Body {
    const scope = new Scope(undefined, this.usedIn(body));
    return this.body(body, scope);
  }

  private body(body: Body, scope: Scope): Body {
    return body.map((e) => this.expr(e, scope));
  }

  private expr(e: Expr, scope: Scope): Expr {
    const withs = e.withs.map((w) => ({ ...w, target: this.withTarget(w.target, scope), value: this.term(w.value, scope) }));
    const base = { negated: e.negated, withs, loc: e.loc, ...(e.index !== undefined ? { index: e.index } : {}) };
    switch (e.kind) {
      case 'term':
        return { ...base, kind: 'term', term: this.term(e.term, scope) };
      case 'unify': {
        if (e.assign) {
          const right = this.term(e.right, scope);
          const left = this.declarePattern(e.left, scope, 'assign');
          return { ...base, kind: 'unify', left, right, assign: true };
        }
        return { ...base, kind: 'unify', left: this.term(e.left, scope), right: this.term(e.right, scope), assign: false };
      }
      case 'some':
        return { ...base, kind: 'some', vars: e.vars.map((v) => this.declarePattern(v, scope, 'some')) };
      case 'somein': {
        const collection = this.term(e.collection, scope);
        const key = e.key ? this.declarePattern(e.key, scope, 'somein') : undefined;
        const value = this.declarePattern(e.value, scope, 'somein');
        return key ? { ...base, kind: 'somein', key, value, collection } : { ...base, kind: 'somein', value, collection };
      }
      case 'every': {
        const domain = this.term(e.domain, scope);
        const inner = new Scope(scope, this.usedIn(e.body));
        const key = e.key ? this.declarePattern(e.key, inner, 'every') : undefined;
        const value = this.declarePattern(e.value, inner, 'every');
        const body = this.body(e.body, inner);
        return key ? { ...base, kind: 'every', key, value, domain, body } : { ...base, kind: 'every', value, domain, body };
      }
    }
  }

  private withTarget(t: Term, scope: Scope): Term {
    if (t.type === 'var' && (t.name === 'input' || t.name === 'data')) return t;
    if (t.type === 'ref' && t.head.type === 'var' && (t.head.name === 'input' || t.head.name === 'data')) return t;
    // function/builtin names: resolve package rules and imports, keep builtins
    return this.term(t, scope);
  }

  /** Declare the vars of an assignment/some pattern in `scope`, returning the renamed pattern. */
  private declarePattern(t: Term, scope: Scope, kind: DeclarationKind, repeatable = false): Term {
    const assign = kind === 'assign';
    switch (t.type) {
      case 'var': {
        if (t.name === '_') return { ...t, name: freshName('_') };
        if (repeatable && scope.decl.has(t.name)) return { ...t, name: scope.decl.get(t.name)! };
        if (t.name === 'input' || t.name === 'data') {
          this.ctx.errors.push(new RegoError('rego_compile_error', `variables must not shadow ${t.name} (use a different variable name)`, t.loc));
        } else if (scope.decl.has(t.name)) {
          this.ctx.errors.push(new RegoError('rego_compile_error', `var ${t.name} ${assign ? 'assigned' : 'declared'} above`, t.loc));
        }
        const name = this.ctx.keepNames && !scope.parent ? t.name : freshName(t.name);
        scope.decl.set(t.name, name);
        this.declarations.push({ name, written: t.name, kind, loc: t.loc });
        return { ...t, name };
      }
      case 'array':
        return { ...t, items: t.items.map((i) => this.declarePattern(i, scope, kind, repeatable)) };
      case 'object':
        return { ...t, items: t.items.map(([k, v]) => [this.term(k, scope), this.declarePattern(v, scope, kind, repeatable)] as [Term, Term]) };
      default:
        return this.term(t, scope);
    }
  }

  term(t: Term, scope: Scope): Term {
    switch (t.type) {
      case 'scalar':
      case 'array':
      case 'set':
      case 'object':
      case 'template':
        return mapTerm(t, (x) => this.term(x, scope));
      case 'var':
        return this.resolveVar(t, scope);
      case 'ref': {
        const head = this.term(t.head, scope);
        const path = t.path.map((p) => this.term(p, scope));
        if (head.type === 'ref') return { type: 'ref', head: head.head, path: [...head.path, ...path], loc: t.loc };
        return { type: 'ref', head, path, loc: t.loc };
      }
      case 'call': {
        const args = t.args.map((a) => this.term(a, scope));
        return { ...t, name: this.resolveCallName(t.name, scope), args };
      }
      case 'arraycomp':
      case 'setcomp': {
        const inner = new Scope(scope, this.usedIn(t.body, [t.term]));
        const body = this.body(t.body, inner);
        return { ...t, body, term: this.term(t.term, inner) };
      }
      case 'objectcomp': {
        const inner = new Scope(scope, this.usedIn(t.body, [t.key, t.value]));
        const body = this.body(t.body, inner);
        return { ...t, body, key: this.term(t.key, inner), value: this.term(t.value, inner) };
      }
    }
  }

  private resolveVar(t: Term & { type: 'var' }, scope: Scope): Term {
    if (t.name === '_') return { ...t, name: freshName('_') };
    if (t.name === 'input' || t.name === 'data') return t;
    const resolved = this.resolveName(t.name, scope, t.loc);
    return typeof resolved === 'string' ? (resolved === t.name ? t : { ...t, name: resolved }) : resolved;
  }

  /**
   * What a name means in `scope` (OPA's resolveRefs + rewriteLocalVars): a variable declared in this or an enclosing
   * scope; else an import or a rule of the package (at any closure depth); else, inside a closure, the enclosing
   * body's variable when an enclosing body uses the name, or a variable local to the closure.
   */
  private resolveName(name: string, scope: Scope, loc: Loc): Term | string {
    const declared = scope.lookup(name);
    if (declared !== undefined) return declared;
    const imp = this.ctx.imports.get(name);
    if (imp) {
      this.ctx.usedImports?.add(name);
      return pathTerm(imp, loc);
    }
    if (this.ctx.rules.has(name)) return pathTerm([...this.ctx.pkg, name], loc);
    if (!scope.parent) return name;
    if (scope.outerUses(name)) return this.resolveName(name, scope.parent, loc);
    const fresh = freshName(name);
    scope.decl.set(name, fresh);
    return fresh;
  }

  private resolveCallName(name: string, scope: Scope): string {
    const dot = name.indexOf('.');
    const first = dot < 0 ? name : name.slice(0, dot);
    const rest = dot < 0 ? '' : name.slice(dot);
    if (first === 'data') return name;
    if (scope.lookup(first) !== undefined) return name;
    const imp = this.ctx.imports.get(first);
    if (imp) {
      this.ctx.usedImports?.add(first);
      return imp.join('.') + rest;
    }
    if (this.ctx.rules.has(first)) return [...this.ctx.pkg, first].join('.') + rest;
    return name;
  }
}
