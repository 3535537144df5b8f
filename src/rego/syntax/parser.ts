/**
 * Rego parser (v1 and v0 syntax) -> syntax tree (ast.ts). Precedence follows OPA's grammar:
 * `in` < relations (== != < <= > >=) < `|` < `&` < `+ -` < `* / %` < refs/calls.
 */
import { parseYamlMemo } from '../../core/yaml-memo.ts';
import type { Annotations, Body, Expr, ExprKind, Import, Loc, Module, Rule, RuleHead, Term, WithModifier } from './ast.ts';
import { lex, type Comment, type Token } from './lexer.ts';
import { RegoError, RegoSyntaxError } from './errors.ts';
import { parseNumber } from './number.ts';

const FUTURE_KEYWORDS = ['in', 'every', 'contains', 'if'] as const;
const RELATIONS: Record<string, string> = { '==': 'equal', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const ARITH: Record<string, string> = { '+': 'plus', '-': 'minus' };
const FACTOR: Record<string, string> = { '*': 'mul', '/': 'div', '%': 'rem' };
/** Bound on nesting (brackets, calls, comprehensions and chained operators together): deeper terms are refused. */
export const MAX_DEPTH = 250;

export interface ParseOptions {
  /** Parse as Rego v0 unless the module imports rego.v1. */
  v0?: boolean;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly keywords = new Set<string>();
  v1: boolean;

  constructor(
    private readonly tokens: Token[],
    private readonly file: string,
    private readonly source: string,
    v1: boolean,
    private readonly baseOffset = 0,
  ) {
    this.v1 = v1;
    if (v1) for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
  }

  enableKeywords(names: Iterable<string>): void {
    for (const k of names) this.keywords.add(k);
  }

  get tok(): Token {
    return this.tokens[this.pos]!;
  }
  peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.tokens[this.pos]!;
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  private lastEnd(): number {
    return this.tokens[Math.max(0, this.pos - 1)]!.end;
  }
  loc(t: Token = this.tok): Loc {
    return { file: this.file, row: t.row, col: t.col, offset: t.offset, end: t.end };
  }
  /** A copy of `l` that ends where the last consumed token ends. */
  span(l: Loc): Loc {
    return { ...l, end: this.lastEnd() };
  }
  private withText(l: Loc, startOffset: number): Loc {
    const end = this.lastEnd();
    return { ...l, end, text: this.sourceText(startOffset, end) };
  }
  /** Source text between two file offsets (this parser may hold only a template expression's text). */
  private sourceText(from: number, to: number): string {
    return this.source.slice(from - this.baseOffset, to - this.baseOffset);
  }
  isOp(text: string, t: Token = this.tok): boolean {
    return t.kind === 'op' && t.text === text;
  }
  isKeyword(name: string, t: Token = this.tok): boolean {
    if (t.kind !== 'ident' || t.text !== name) return false;
    if (t === this.tok && this.glued()) return false;
    return this.keywords.has(name) || !(FUTURE_KEYWORDS as readonly string[]).includes(name);
  }
  /** The current token is immediately followed by `.ident` (a keyword used as a ref: `import.foo`). */
  glued(): boolean {
    const n = this.peek();
    return n.kind === 'op' && n.text === '.' && !n.wsBefore && this.peek(2).kind === 'ident' && !this.peek(2).wsBefore;
  }
  fail(message: string, t: Token = this.tok): never {
    throw new RegoSyntaxError(this.file, t.row, t.col, message, { offset: t.offset, end: Math.max(t.end, t.offset + 1) });
  }
  describe(t: Token): string {
    if (t.kind === 'eof') return 'eof';
    if (t.kind === 'string') return 'string';
    if (t.kind === 'number') return 'number';
    return t.text;
  }
  expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`unexpected ${this.describe(this.tok)} token: expected ${text}`);
    return this.next();
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(nestingMessage());
  }
  /** Operator chains (`1 + 1 + ...`) nest calls without brackets: count them against the same bound. */
  private chained(call: Term, operands: Term[]): Term {
    const depth = 1 + Math.max(...operands.map((o) => operatorDepth.get(o) ?? 0));
    if (this.depth + depth > MAX_DEPTH) this.fail(nestingMessage());
    operatorDepth.set(call, depth);
    return call;
  }

  // ---------------------------------------------------------------- module

  parseModule(comments: Comment[]): Module {
    if (!this.isKeyword('package')) this.fail(`package expected`);
    const pkgTok = this.next();
    const pkgRef = this.parseRefTerm();
    const pkgPath = this.refToPath(pkgRef, 'package');
    const module: Module = {
      file: this.file,
      package: { path: pkgPath, loc: this.loc(pkgTok) },
      imports: [],
      rules: [],
      v1: this.v1,
      annotations: [],
      source: this.source,
    };
    // imports may follow rules (OPA accepts them anywhere at the top level; they apply to the whole module)
    while (this.tok.kind !== 'eof') {
      if (this.isKeyword('import')) {
        const imp = this.parseImport();
        module.imports.push(imp);
        const p = importPath(imp.path);
        // `every` needs `in` (OPA enables both with future.keywords.every)
        if (p[0] === 'future' && p[1] === 'keywords') this.enableKeywords(p.length === 2 ? FUTURE_KEYWORDS : p[2] === 'every' ? ['every', 'in'] : [p[2]!]);
        if (p[0] === 'rego' && p[1] === 'v1') {
          this.v1 = true;
          module.v1 = true;
          this.enableKeywords(FUTURE_KEYWORDS);
        }
        continue;
      }
      if (this.isKeyword('package')) this.fail('unexpected package keyword');
      module.rules.push(...this.parseRules(module));
    }
    attachAnnotations(module, comments, this.file);
    return module;
  }

  private parseImport(): Import {
    const t = this.next();
    const path = this.parseRefTerm();
    const head = path.type === 'var' ? path.name : path.type === 'ref' && path.head.type === 'var' ? path.head.name : '';
    if (!['data', 'input', 'future', 'rego'].includes(head)) this.fail(`invalid import ${head}: must begin with input or data`, t);
    const imp: Import = { path, loc: this.loc(t) };
    if (this.isKeyword('as')) {
      this.next();
      if (this.tok.kind !== 'ident') this.fail('expected identifier after as');
      imp.alias = this.next().text;
    }
    return imp;
  }

  /** A ref of the form a.b["c"][0]... (no calls), used by package/import/with/rule heads. */
  parseRefTerm(): Term {
    if (this.tok.kind !== 'ident') this.fail(`unexpected ${this.describe(this.tok)} token: expected ref`);
    const t = this.next();
    const head: Term = { type: 'var', name: t.text, loc: this.loc(t) };
    const path: Term[] = [];
    for (;;) {
      if (this.isOp('.') && !this.tok.wsBefore) {
        this.next();
        if (this.tok.kind !== 'ident') this.fail(`unexpected ${this.describe(this.tok)} token: expected ident`);
        const k = this.next();
        const key: Term = { type: 'scalar', value: k.text, loc: this.loc(k) };
        dottedKeys.add(key);
        path.push(key);
      } else if (this.isOp('[') && !this.tok.wsBefore) {
        this.next();
        path.push(this.parseTermIn());
        this.expectOp(']');
      } else break;
    }
    return path.length ? { type: 'ref', head, path, loc: head.loc } : head;
  }

  private refToPath(term: Term, what: string): string[] {
    const parts: string[] = [];
    if (term.type === 'var') return [term.name];
    if (term.type !== 'ref' || term.head.type !== 'var') this.fail(`invalid ${what} path`);
    parts.push((term as { head: { name: string } }).head.name);
    for (const p of (term as { path: Term[] }).path) {
      if (p.type !== 'scalar' || typeof p.value !== 'string') this.fail(`invalid ${what} path: must contain only strings`);
      parts.push(p.value as string);
    }
    return parts;
  }

  // ---------------------------------------------------------------- rules

  private parseRules(module: Module): Rule[] {
    const start = this.tok;
    let isDefault = false;
    if (this.isKeyword('default') && this.peek().kind === 'ident' && !this.peek().nlBefore) {
      this.next();
      isDefault = true;
    }
    if (this.tok.kind !== 'ident') this.fail(`unexpected ${this.describe(this.tok)} token: expected rule`);
    const head = this.parseRuleHead(isDefault);
    const loc = this.loc(start);
    if (isDefault) {
      if (!head.value) this.fail('default rules must have a value', start);
      return [{ kind: head.args ? 'function' : 'complete', isDefault: true, head, body: [trueExpr(loc)], loc, module }];
    }
    const kind: Rule['kind'] = head.args ? 'function' : head.key ? 'set' : 'complete';
    const rules: Rule[] = [];
    const first: Rule = { kind, isDefault: false, head, body: [], loc, module };
    first.body = this.parseRuleBodyOpt(loc) ?? [trueExpr(loc)];
    if (first.body.length === 0) first.body = [trueExpr(loc)];
    rules.push(first);
    // else chain
    let prev = first;
    while (this.isKeyword('else')) {
      const et = this.next();
      const eloc = this.loc(et);
      let value: Term | undefined;
      let assign = false;
      if (this.isOp('=') || this.isOp(':=')) {
        assign = this.next().text === ':=';
        value = this.parseTermIn();
      }
      const elseHead: RuleHead = {
        ...head,
        value: value ?? { type: 'scalar', value: true, loc: eloc },
        assign: assign || head.assign,
        loc: eloc,
      };
      const body = this.parseRuleBodyOpt(eloc) ?? [trueExpr(eloc)];
      const r: Rule = { kind, isDefault: false, head: elseHead, body: body.length ? body : [trueExpr(eloc)], loc: eloc, module };
      prev.elseRule = r;
      prev = r;
    }
    // v0: additional bodies `p { a } { b }`
    while (this.isOp('{') && !this.v1) {
      const body = this.parseBraceBody();
      rules.push({ kind, isDefault: false, head, body, loc, module });
    }
    return rules;
  }

  private parseRuleHead(isDefault: boolean): RuleHead {
    const nameTok = this.tok;
    const loc = this.loc(nameTok);
    const refTerm = this.parseRefTerm();
    const ref: Term[] = refTerm.type === 'ref' ? [refTerm.head, ...refTerm.path] : [refTerm];
    const head: RuleHead = { ref, assign: false, loc };
    if (this.isOp('(') && !this.tok.wsBefore) {
      this.next();
      head.args = [];
      if (!this.isOp(')')) {
        for (;;) {
          head.args.push(this.parseTermIn());
          if (this.isOp(',')) {
            this.next();
            continue;
          }
          break;
        }
      }
      this.expectOp(')');
      // a zero-argument "function" is a plain rule (OPA: `f() = 1` defines the document `f`)
      if (head.args.length === 0) delete head.args;
    }
    if (this.isKeyword('contains') && !head.args) {
      this.next();
      head.key = this.parseTermIn();
      return head;
    }
    if (this.isOp('=') || this.isOp(':=')) {
      head.assign = this.next().text === ':=';
      head.value = this.parseTermIn();
      return head;
    }
    if (isDefault) return head;
    // v0 `p[x]` without a value is a partial set rule
    if (!this.v1 && !head.args && ref.length === 2 && !(ref[1]!.type === 'scalar' && refTerm.type === 'ref' && isDotted(this.source, ref[1]!))) {
      head.key = ref[1];
      head.ref = [ref[0]!];
      return head;
    }
    head.value = { type: 'scalar', value: true, loc };
    return head;
  }

  /** `if { ... }`, `if expr`, `{ ... }` or nothing. */
  private parseRuleBodyOpt(loc: Loc): Body | undefined {
    if (this.isKeyword('if')) {
      this.next();
      if (this.isOp('{')) {
        // `if { body }`, or `if {x: 1 | ...}` / `if {1, 2}`: a single expression that starts with a brace
        const save = this.pos;
        try {
          return this.parseBraceBody();
        } catch (error) {
          this.pos = save;
          try {
            return [this.parseExpr()];
          } catch {
            throw error;
          }
        }
      }
      const e = this.parseExpr();
      return [e];
    }
    if (this.isOp('{') && this.v1 && !this.tok.nlBefore) this.fail('`if` keyword is required before rule body');
    if (this.isOp('{') && !this.v1) return this.parseBraceBody();
    void loc;
    return undefined;
  }

  parseBraceBody(): Body {
    this.expectOp('{');
    const body = this.parseQuery('}');
    this.expectOp('}');
    return body;
  }

  // ---------------------------------------------------------------- bodies / expressions

  parseQuery(end: '}' | ']' | 'eof'): Body {
    const body: Body = [];
    const atEnd = (): boolean => (end === 'eof' ? this.tok.kind === 'eof' : this.isOp(end));
    while (!atEnd()) {
      if (this.isOp(';')) {
        this.next();
        continue;
      }
      const e = this.parseExpr();
      e.index = body.length;
      body.push(e);
      if (atEnd()) break;
      if (this.isOp(';')) {
        this.next();
        continue;
      }
      if (!this.tok.nlBefore) this.fail(`unexpected ${this.describe(this.tok)} token: expected \\n or ; or ${end === 'eof' ? 'EOF' : end}`);
    }
    return body;
  }

  parseExpr(): Expr {
    this.enter();
    try {
      const start = this.tok;
      const loc = this.loc(start);
      let negated = false;
      if (this.isKeyword('not') && !this.peek().nlBefore) {
        this.next();
        negated = true;
      }
      let kind: ExprKind;
      if (this.isKeyword('some') && this.keywordFollows()) kind = this.parseSome();
      else if (this.isKeyword('every') && this.keywordFollows()) kind = this.parseEvery();
      else {
        const left = this.parseTermIn(false, true);
        if ((this.isOp('=') || this.isOp(':=')) && !this.tok.nlBefore) {
          const assign = this.next().text === ':=';
          const right = this.parseTermIn();
          kind = { kind: 'unify', left, right, assign };
        } else kind = { kind: 'term', term: left };
      }
      const withs: WithModifier[] = [];
      while (this.isKeyword('with')) {
        const wt = this.next();
        const target = this.parseRefTerm();
        if (!this.isKeyword('as')) this.fail(`unexpected ${this.describe(this.tok)} token: expected as`);
        this.next();
        const value = this.parseTermIn();
        withs.push({ target, value, loc: this.loc(wt) });
      }
      return { ...kind, negated, withs, loc: this.withText(loc, start.offset) } as Expr;
    } finally {
      this.depth--;
    }
  }

  private keywordFollows(): boolean {
    const n = this.peek();
    return !n.nlBefore && n.kind !== 'eof' && !(n.kind === 'op' && ['=', ':=', '.', '[', '(', '==', '!=', ']', '}', ')', ',', ';', '|'].includes(n.text) && !(n.text === '[' && n.wsBefore));
  }

  private parseSome(): ExprKind {
    this.next();
    const first = this.parseTermRelation(false);
    if (this.isOp(',')) {
      this.next();
      const second = this.parseTermRelation(false);
      if (this.isKeyword('in')) {
        this.next();
        return { kind: 'somein', key: first, value: second, collection: this.parseTermRelation(false) };
      }
      const vars = [first, second];
      while (this.isOp(',')) {
        this.next();
        vars.push(this.parseTermRelation(false));
      }
      for (const v of vars) if (v.type !== 'var') this.fail('expected var in some declaration');
      return { kind: 'some', vars };
    }
    if (this.isKeyword('in')) {
      this.next();
      return { kind: 'somein', value: first, collection: this.parseTermRelation(false) };
    }
    if (first.type === 'call' && first.name === 'internal.member_2') {
      return { kind: 'somein', value: first.args[0]!, collection: first.args[1]! };
    }
    if (first.type !== 'var') this.fail('expected var in some declaration');
    return { kind: 'some', vars: [first] };
  }

  private parseEvery(): ExprKind {
    const t = this.next();
    const first = this.parseTermRelation(false);
    let key: Term | undefined;
    let value = first;
    if (this.isOp(',')) {
      this.next();
      key = first;
      value = this.parseTermRelation(false);
    }
    if (!this.isKeyword('in')) this.fail(`unexpected ${this.describe(this.tok)} token: expected in`, t);
    this.next();
    const domain = this.parseTermRelation(false);
    const body = this.parseBraceBody();
    return key ? { kind: 'every', key, value, domain, body } : { kind: 'every', value, domain, body };
  }

  // ---------------------------------------------------------------- terms

  parseTermIn(noOr = false, keyVal = false): Term {
    let lhs = this.parseTermRelation(noOr);
    if (keyVal && this.isOp(',') && !this.tok.nlBefore) {
      // `k, v in xs` (membership with key)
      const save = this.pos;
      this.next();
      try {
        const mhs = this.parseTermRelation(noOr);
        if (this.isKeyword('in') && !this.tok.nlBefore) {
          this.next();
          const rhs = this.parseTermRelation(noOr);
          lhs = this.chained(this.call('internal.member_3', [lhs, mhs, rhs], this.span(lhs.loc)), [lhs, mhs, rhs]);
        } else this.pos = save;
      } catch {
        this.pos = save;
      }
    }
    while (this.isKeyword('in') && !this.tok.nlBefore) {
      const t = this.next();
      const rhs = this.parseTermRelation(noOr);
      lhs = this.chained(this.call('internal.member_2', [lhs, rhs], this.span(lhs.loc), t), [lhs, rhs]);
    }
    return lhs;
  }

  private call(name: string, args: Term[], l: Loc, _t?: Token): Term {
    return { type: 'call', name, nameTerm: { type: 'var', name, loc: l }, args, loc: l };
  }

  private infixLevel(next: () => Term, ops: Record<string, string>): Term {
    let lhs = next();
    while (this.tok.kind === 'op' && ops[this.tok.text] && !this.tok.nlBefore) {
      const name = ops[this.next().text]!;
      const rhs = next();
      lhs = this.chained(this.call(name, [lhs, rhs], this.span(lhs.loc)), [lhs, rhs]);
    }
    return lhs;
  }

  parseTermRelation(noOr: boolean): Term {
    return this.infixLevel(() => this.parseTermOr(noOr), RELATIONS);
  }
  private parseTermOr(noOr: boolean): Term {
    if (noOr) return this.parseTermAnd();
    return this.infixLevel(() => this.parseTermAnd(), { '|': 'or' });
  }
  private parseTermAnd(): Term {
    return this.infixLevel(() => this.parseTermArith(), { '&': 'and' });
  }
  private parseTermArith(): Term {
    return this.infixLevel(() => this.parseTermFactor(), ARITH);
  }
  private parseTermFactor(): Term {
    return this.infixLevel(() => this.parseTerm(), FACTOR);
  }

  parseTerm(): Term {
    this.enter();
    try {
      let term = this.parsePrimary();
      // ref / call continuation
      for (;;) {
        if (this.isOp('.') && !this.tok.wsBefore) {
          this.next();
          if (this.tok.kind !== 'ident') this.fail(`unexpected ${this.describe(this.tok)} token: expected ident`);
          const k = this.next();
          term = appendRef(term, { type: 'scalar', value: k.text, loc: this.loc(k) }, this.span(term.loc));
        } else if (this.isOp('[') && !this.tok.wsBefore) {
          this.next();
          const key = this.parseTermIn();
          this.expectOp(']');
          term = appendRef(term, key, this.span(term.loc));
        } else if (this.isOp('(') && !this.tok.wsBefore && isCallable(term)) {
          const nameTerm = term;
          this.next();
          const args: Term[] = [];
          if (!this.isOp(')')) {
            for (;;) {
              args.push(this.parseTermIn());
              if (this.isOp(',')) {
                this.next();
                if (this.isOp(')')) break;
                continue;
              }
              break;
            }
          }
          this.expectOp(')');
          term = { type: 'call', name: dottedName(nameTerm), nameTerm, args, loc: this.span(nameTerm.loc) };
        } else break;
      }
      return term;
    } finally {
      this.depth--;
    }
  }

  private parsePrimary(): Term {
    const t = this.tok;
    const loc = this.loc(t);
    switch (t.kind) {
      case 'number':
        this.next();
        return { type: 'scalar', value: parseNumber(t.text), loc };
      case 'string':
        this.next();
        return { type: 'scalar', value: t.text, loc };
      case 'template': {
        this.next();
        const parts: Array<string | Term> = [];
        for (const part of t.parts ?? []) {
          if (part.text !== undefined) parts.push(part.text);
          else parts.push(parseTermSource(part.expr ?? '', this.file, part.row ?? t.row, part.col ?? t.col, this.v1, this.keywords, part.offset ?? t.offset));
        }
        return { type: 'template', parts, loc };
      }
      case 'ident': {
        this.next();
        const glued = this.isOp('.') && !this.tok.wsBefore && this.peek().kind === 'ident' && !this.peek().wsBefore;
        if (!glued && (t.text === 'true' || t.text === 'false')) return { type: 'scalar', value: t.text === 'true', loc };
        if (!glued && t.text === 'null') return { type: 'scalar', value: null, loc };
        if (t.text === 'set' && this.isOp('(') && !this.tok.wsBefore && this.isOp(')', this.peek())) {
          this.next();
          this.next();
          return { type: 'set', items: [], loc: this.span(loc) };
        }
        return { type: 'var', name: t.text, loc };
      }
      case 'op':
        break;
      case 'eof':
        this.fail('unexpected eof token');
    }
    switch (t.text) {
      case '-': {
        const n = this.peek();
        if (n.kind === 'number' && !n.wsBefore) {
          this.next();
          this.next();
          return { type: 'scalar', value: parseNumber(`-${n.text}`), loc: this.span(loc) };
        }
        this.next();
        const operand = this.parseTerm();
        return this.call('minus', [{ type: 'scalar', value: 0, loc }, operand], this.span(loc));
      }
      case '(': {
        this.next();
        const inner = this.parseTermIn(false, true);
        this.expectOp(')');
        return inner;
      }
      case '[':
        return this.parseArray();
      case '{':
        return this.parseBrace();
    }
    return this.fail(`unexpected ${this.describe(t)} token`);
  }

  private parseArray(): Term {
    const t = this.next();
    const loc = this.loc(t);
    if (this.isOp(']')) {
      this.next();
      return { type: 'array', items: [], loc: this.span(loc) };
    }
    const first = this.parseTermIn(true);
    if (this.isOp('|')) {
      this.next();
      const body = this.parseQuery(']');
      this.expectOp(']');
      return { type: 'arraycomp', term: first, body, loc: this.span(loc) };
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(']')) break;
      items.push(this.parseTermIn());
    }
    this.expectOp(']');
    return { type: 'array', items, loc: this.span(loc) };
  }

  private parseBrace(): Term {
    const t = this.next();
    const loc = this.loc(t);
    if (this.isOp('}')) {
      this.next();
      return { type: 'object', items: [], loc: this.span(loc) };
    }
    const first = this.parseTermIn(true);
    if (this.isOp(':')) {
      this.next();
      const value = this.parseTermIn(true);
      if (this.isOp('|')) {
        this.next();
        const body = this.parseQuery('}');
        this.expectOp('}');
        return { type: 'objectcomp', key: first, value, body, loc: this.span(loc) };
      }
      const items: Array<[Term, Term]> = [[first, value]];
      while (this.isOp(',')) {
        this.next();
        if (this.isOp('}')) break;
        const k = this.parseTermIn();
        this.expectOp(':');
        items.push([k, this.parseTermIn()]);
      }
      this.expectOp('}');
      return { type: 'object', items, loc: this.span(loc) };
    }
    if (this.isOp('|')) {
      this.next();
      const body = this.parseQuery('}');
      this.expectOp('}');
      return { type: 'setcomp', term: first, body, loc: this.span(loc) };
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp('}')) break;
      items.push(this.parseTermIn());
    }
    this.expectOp('}');
    return { type: 'set', items, loc: this.span(loc) };
  }
}

/** Nesting depth of operator calls built by the parser (bounded with MAX_DEPTH). */
const operatorDepth = new WeakMap<Term, number>();

function nestingMessage(): string {
  return `maximum nesting depth exceeded (more than ${MAX_DEPTH} nested brackets, calls or chained operators): split the expression into smaller ones`;
}

function appendRef(term: Term, key: Term, loc: Loc): Term {
  if (term.type === 'ref') return { type: 'ref', head: term.head, path: [...term.path, key], loc };
  return { type: 'ref', head: term, path: [key], loc };
}

function isCallable(term: Term): boolean {
  if (term.type === 'var') return true;
  return term.type === 'ref' && term.head.type === 'var' && term.path.every((p) => p.type === 'scalar' && typeof p.value === 'string');
}

export function dottedName(term: Term): string {
  if (term.type === 'var') return term.name;
  if (term.type === 'ref' && term.head.type === 'var') return [term.head.name, ...term.path.map((p) => (p.type === 'scalar' ? String(p.value) : '?'))].join('.');
  return '?';
}

/** Ref elements written as `.name` (as opposed to `["name"]`). */
const dottedKeys = new WeakSet<Term>();

function isDotted(_source: string, t: Term): boolean {
  return dottedKeys.has(t);
}

export function importPath(term: Term): string[] {
  if (term.type === 'var') return [term.name];
  if (term.type === 'ref' && term.head.type === 'var')
    return [term.head.name, ...term.path.map((p) => (p.type === 'scalar' ? String(p.value) : '?'))];
  return [];
}

function trueExpr(loc: Loc): Expr {
  return { kind: 'term', term: { type: 'scalar', value: true, loc }, negated: false, withs: [], loc };
}

function attachAnnotations(module: Module, comments: Comment[], file: string): void {
  // group consecutive comment lines; a group whose first line is `METADATA` is an annotation block
  let i = 0;
  const blocks: Array<{ endRow: number; annotations: Annotations }> = [];
  while (i < comments.length) {
    const c = comments[i]!;
    if (c.text.trim() !== 'METADATA') {
      i++;
      continue;
    }
    const lines: string[] = [];
    let row = c.row;
    let j = i + 1;
    while (j < comments.length && comments[j]!.row === row + 1 && comments[j]!.col === c.col) {
      lines.push(comments[j]!.text.replace(/^ /, ''));
      row = comments[j]!.row;
      j++;
    }
    let parsed: unknown;
    try {
      parsed = parseYamlMemo(lines.join('\n')) ?? {};
    } catch (error) {
      throw new RegoError('rego_parse_error', `yaml: ${(error as Error).message.split('\n')[0]}`, { file, row: c.row, col: c.col });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new RegoError('rego_parse_error', 'yaml: METADATA block must be a mapping', { file, row: c.row, col: c.col });
    blocks.push({ endRow: row, annotations: { scope: '', ...(parsed as Record<string, unknown>), loc: { file, row: c.row, col: c.col } } });
    i = j;
  }
  if (!blocks.length) return;
  const targets: Array<{ row: number; set: (a: Annotations) => void; isPackage: boolean }> = [
    { row: module.package.loc.row, isPackage: true, set: (a) => (module.package.annotations ??= []).push(a) },
    ...module.rules.map((r) => ({ row: r.loc.row, isPackage: false, set: (a: Annotations) => (r.annotations = a) })),
  ];
  for (const b of blocks) {
    const target = targets.find((t) => t.row > b.endRow);
    if (!target) continue;
    if (!b.annotations.scope) b.annotations.scope = target.isPackage ? 'package' : 'rule';
    target.set(b.annotations);
    module.annotations.push(b.annotations);
  }
}

function parseTermSource(source: string, file: string, row: number, col: number, v1: boolean, keywords: Set<string>, offset = 0): Term {
  const { tokens } = lex(source, file, row, col, offset);
  const p = new Parser(tokens, file, source, v1, offset);
  p.enableKeywords(keywords);
  const t = p.parseTermIn();
  const withs: WithModifier[] = [];
  while (p.isKeyword('with')) {
    const wt = p.next();
    const target = p.parseRefTerm();
    if (!p.isKeyword('as')) p.fail(`unexpected ${p.describe(p.tok)} token: expected as`);
    p.next();
    withs.push({ target, value: p.parseTermIn(), loc: p.loc(wt) });
  }
  if (p.tok.kind !== 'eof') p.fail(`unexpected ${p.describe(p.tok)} token in template expression`);
  if (!withs.length) return t;
  // `{x with input as y}`: the single value of {v | v = x with input as y}
  const v: Term = { type: 'var', name: '__template_value__', loc: t.loc };
  return {
    type: 'setcomp',
    term: v,
    body: [{ kind: 'unify', left: v, right: t, assign: false, negated: false, withs, loc: t.loc }],
    loc: t.loc,
    unwrap: true,
  };
}

export function parseModule(file: string, source: string, options: ParseOptions = {}): Module {
  const { tokens, comments } = lex(source, file);
  const p = new Parser(tokens, file, source, !options.v0);
  try {
    return p.parseModule(comments);
  } catch (error) {
    if (error instanceof RangeError) throw new RegoSyntaxError(file, p.tok.row, p.tok.col, nestingMessage());
    throw error;
  }
}

/** Parse a query body (`x = 1; y := data.p[x]`). */
export function parseQuery(source: string, options: ParseOptions & { file?: string } = {}): Body {
  const file = options.file ?? 'query';
  const { tokens } = lex(source, file);
  const p = new Parser(tokens, file, source, !options.v0);
  if (options.v0) p.enableKeywords(FUTURE_KEYWORDS);
  const body = p.parseQuery('eof');
  if (body.length === 0) throw new RegoSyntaxError(file, 1, 1, 'empty query');
  return body;
}

/** Parse a single term (`{"a": {1, 2}}`). */
export function parseTerm(source: string, file = 'term'): Term {
  return parseTermSource(source, file, 1, 1, true, new Set(FUTURE_KEYWORDS));
}
