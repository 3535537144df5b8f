/** Syntax tree -> OPA's JSON AST shape (as `rego.parse_module` and `opa parse --format json` return it). */
import type { Body, Expr, Module, Rule, Term, WithModifier } from '../syntax/ast.ts';
import { toJS } from '../value.ts';

type Json = unknown;


function nameTerms(name: string): Json[] {
  return name.split('.').map((p, i) => (i === 0 ? { type: 'var', value: p } : { type: 'string', value: p }));
}

export function termJSON(t: Term): Json {
  switch (t.type) {
    case 'scalar': {
      const v = t.value;
      const type = v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'number';
      return { type, value: toJS(v) };
    }
    case 'var':
      return { type: 'var', value: t.name };
    case 'ref':
      return { type: 'ref', value: [termJSON(t.head), ...t.path.map(termJSON)] };
    case 'array':
      return { type: 'array', value: t.items.map(termJSON) };
    case 'set':
      return { type: 'set', value: t.items.map(termJSON) };
    case 'object':
      return { type: 'object', value: t.items.map(([k, v]) => [termJSON(k), termJSON(v)]) };
    case 'arraycomp':
      return { type: 'arraycomprehension', value: { term: termJSON(t.term), body: bodyJSON(t.body) } };
    case 'setcomp':
      return { type: 'setcomprehension', value: { term: termJSON(t.term), body: bodyJSON(t.body) } };
    case 'objectcomp':
      return { type: 'objectcomprehension', value: { key: termJSON(t.key), value: termJSON(t.value), body: bodyJSON(t.body) } };
    case 'call':
      return { type: 'call', value: [{ type: 'ref', value: nameTerms(t.name) }, ...t.args.map(termJSON)] };
    case 'template':
      return { type: 'templatestring', value: t.parts.map((p) => (typeof p === 'string' ? { type: 'string', value: p } : termJSON(p))) };
  }
}

function withJSON(w: WithModifier): Json {
  return { target: termJSON(w.target), value: termJSON(w.value) };
}

function exprJSON(e: Expr, index: number): Json {
  const out: Record<string, Json> = { index };
  if (e.negated) out.negated = true;
  switch (e.kind) {
    case 'term':
      out.terms = e.term.type === 'call' ? (termJSON(e.term) as { value: Json[] }).value : termJSON(e.term);
      break;
    case 'unify':
      out.terms = [{ type: 'ref', value: [{ type: 'var', value: e.assign ? 'assign' : 'eq' }] }, termJSON(e.left), termJSON(e.right)];
      break;
    case 'some':
      out.terms = { type: 'somedecl', value: e.vars.map(termJSON) };
      break;
    case 'somein':
      out.terms = {
        type: 'somedecl',
        value: [{ type: 'call', value: [{ type: 'ref', value: nameTerms(e.key ? 'internal.member_3' : 'internal.member_2') }, ...(e.key ? [termJSON(e.key)] : []), termJSON(e.value), termJSON(e.collection)] }],
      };
      break;
    case 'every':
      out.terms = { domain: termJSON(e.domain), key: e.key ? termJSON(e.key) : null, value: termJSON(e.value), body: bodyJSON(e.body) };
      break;
  }
  if (e.withs.length) out.with = e.withs.map(withJSON);
  return out;
}

function bodyJSON(body: Body): Json[] {
  return body.map((e, i) => exprJSON(e, i));
}

function ruleJSON(r: Rule): Json {
  const head: Record<string, Json> = { ref: r.head.ref.map((t, i) => (i === 0 && t.type === 'var' ? { type: 'var', value: t.name } : termJSON(t))) };
  const first = r.head.ref[0];
  if (first?.type === 'var' && r.head.ref.length === 1) head.name = first.name;
  if (r.head.args) head.args = r.head.args.map(termJSON);
  if (r.head.key) head.key = termJSON(r.head.key);
  if (r.head.value) head.value = termJSON(r.head.value);
  if (r.head.assign) head.assign = true;
  const out: Record<string, Json> = { head, body: bodyJSON(r.body) };
  if (r.isDefault) out.default = true;
  if (r.elseRule) out.else = ruleJSON(r.elseRule);
  return out;
}

export function moduleJSON(m: Module): Json {
  const out: Record<string, Json> = {
    package: { path: [{ type: 'var', value: 'data' }, ...m.package.path.map((p) => ({ type: 'string', value: p }))] },
  };
  if (m.imports.length) out.imports = m.imports.map((i) => ({ path: termJSON(i.path), ...(i.alias ? { alias: i.alias } : {}) }));
  if (m.rules.length) out.rules = m.rules.map(ruleJSON);
  return out;
}
