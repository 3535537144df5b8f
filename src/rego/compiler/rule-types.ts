/** Types of the documents rules define and of function results, inferred from their definitions (memoised). */
import type { RegoType } from '../builtins/define-builtin.ts';
import type { CompiledRule, RuleNode } from './rule-tree.ts';
import type { BuiltinSignatures } from './signatures.ts';
import { TypeChecker, unionType, type RuleTypes } from './type-check.ts';

const ANY: RegoType = { type: 'any' };
const MAX_INFERENCE_DEPTH = 64;

export class ProgramRuleTypes implements RuleTypes {
  private readonly memo = new Map<RuleNode, RegoType | null>();
  private readonly inProgress = new Set<RuleNode>();

  constructor(
    private readonly root: RuleNode,
    private readonly builtins: BuiltinSignatures,
  ) {}

  documentType(path: readonly string[]): { type: RegoType; length: number } | undefined {
    let node = this.root;
    for (let i = 0; i < path.length; i++) {
      const child = node.children.get(path[i]!);
      if (!child) return undefined;
      node = child;
      if (node.rules.length || node.defaults.length) {
        const type = this.nodeType(node);
        return type ? { type, length: i + 1 } : undefined;
      }
    }
    return undefined;
  }

  functionResult(name: string): RegoType | undefined {
    return this.functionType(name)?.result;
  }

  private readonly functionMemo = new Map<RuleNode, { args: RegoType[]; result: RegoType } | null>();

  /** Parameter types as the bodies narrow them (`x + 1` makes x a number), unioned over every definition. */
  functionType(name: string): { args: RegoType[]; result: RegoType } | undefined {
    const node = this.root.find(name.split('.').slice(1));
    if (!node || !node.isFunction) return undefined;
    const cached = this.functionMemo.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(node) || this.inProgress.size >= MAX_INFERENCE_DEPTH) return undefined;
    this.inProgress.add(node);
    let result: { args: RegoType[]; result: RegoType } | undefined;
    try {
      const infer = new TypeChecker(this.builtins, this, undefined, { equalIsUnify: true });
      const args: RegoType[][] = [];
      const results: RegoType[] = [];
      for (const rule of [...node.rules, ...node.defaults])
        for (let r: CompiledRule | undefined = rule; r; r = r.elseRule) {
          const env = infer.checkBody(r.body, []);
          (r.args ?? []).forEach((a, i) => (args[i] ??= []).push(infer.typeOf(a, env)));
          if (r.value) results.push(infer.typeOf(r.value, env));
        }
      result = { args: args.map((ts) => unionType(ts)), result: unionType(results) };
    } finally {
      this.inProgress.delete(node);
    }
    this.functionMemo.set(node, result ?? null);
    return result;
  }

  /** Type of a node's document when its rules are complete rules with plain heads; undefined when unknown. */
  private nodeType(node: RuleNode): RegoType | undefined {
    if (node.children.size > 0 || node.isFunction) return undefined;
    const rules = [...node.rules, ...node.defaults];
    if (rules.some((r) => r.keyTerms.length > 0)) return undefined;
    if (rules.some((r) => r.kind === 'set')) return { type: 'set', of: ANY };
    return this.memoised(node, () => this.valueType(rules));
  }

  private memoised(node: RuleNode, compute: () => RegoType | undefined): RegoType | undefined {
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached ?? undefined;
    // rules typed through a long chain of other rules are left unknown rather than recursing without bound
    if (this.inProgress.has(node) || this.inProgress.size >= MAX_INFERENCE_DEPTH) return ANY;
    this.inProgress.add(node);
    let t: RegoType | undefined;
    try {
      t = compute();
    } finally {
      this.inProgress.delete(node);
    }
    this.memo.set(node, t ?? null);
    return t;
  }

  /** Union of the value types of every definition (else chains included). */
  private valueType(rules: readonly CompiledRule[]): RegoType | undefined {
    const infer = new TypeChecker(this.builtins, this, undefined, { equalIsUnify: true });
    const types: RegoType[] = [];
    for (const rule of rules)
      for (let r: CompiledRule | undefined = rule; r; r = r.elseRule) {
        if (!r.value) return undefined;
        const env = infer.checkBody(r.body, []);
        types.push(infer.typeOf(r.value, env));
      }
    return types.length ? unionType(types) : undefined;
  }
}
