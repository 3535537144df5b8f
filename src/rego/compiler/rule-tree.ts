/** The rule tree: rules indexed by the ground prefix of their (absolute) head reference. */
import type { Body, Rule, Term } from '../syntax/ast.ts';

export interface CompiledRule {
  readonly source: Rule;
  readonly kind: Rule['kind'];
  readonly isDefault: boolean;
  /** Absolute ground prefix: ['data', 'pkg', 'p']. */
  readonly path: string[];
  /** Head ref terms after the ground prefix (partial object keys, `a[x].b` tails). */
  readonly keyTerms: Term[];
  readonly args?: Term[];
  /** Element of a multi-value (set) rule. */
  readonly element?: Term;
  readonly value?: Term;
  /** Mutable only for the tester, which injects test-case markers into parameterised tests (tester.ts). */
  body: Body;
  readonly elseRule?: CompiledRule;
  readonly node: RuleNode;
  /** Stable index in the program (for caches). */
  readonly id: number;
}

let nodeIds = 0;

export class RuleNode {
  readonly id = ++nodeIds;
  readonly children = new Map<string, RuleNode>();
  /** Rules anchored at this node (non-default). */
  readonly rules: CompiledRule[] = [];
  readonly defaults: CompiledRule[] = [];
  /** The node or one of its descendants has rules. */
  hasRules = false;
  constructor(
    readonly path: string[],
    readonly parent: RuleNode | undefined,
  ) {}

  child(key: string): RuleNode {
    let c = this.children.get(key);
    if (!c) {
      c = new RuleNode([...this.path, key], this);
      this.children.set(key, c);
    }
    return c;
  }

  get isFunction(): boolean {
    const r = this.rules[0] ?? this.defaults[0];
    return r?.kind === 'function';
  }

  /** The node at `path` (relative, strings), or undefined. */
  find(path: readonly string[]): RuleNode | undefined {
    let n: RuleNode | undefined = this;
    for (const k of path) {
      n = n.children.get(k);
      if (!n) return undefined;
    }
    return n;
  }

  get dottedPath(): string {
    return this.path.join('.');
  }

  *walk(): Generator<RuleNode> {
    yield this;
    for (const c of this.children.values()) yield* c.walk();
  }
}
