import type { Diagnostic } from '../core/diagnostics.ts';
import type { Expression, FunctionCallExpr, TraversalStep } from '../hcl/ast.ts';
import { pathValues } from './evaluation.ts';
import { walkExpression } from './walk-expression.ts';
import type { EvalContext, ResolvedReference } from '../terraform/eval/context.ts';
import { evaluateExpression } from '../terraform/eval/evaluate.ts';
import { T_NUMBER, T_STRING, typeFromJson } from '../terraform/eval/types.ts';
import { UNKNOWN, unknownOf, type TfValue } from '../terraform/eval/value.ts';
import type { Local } from '../terraform/model.ts';
import type { ModuleIndex } from './module-index.ts';
import { parseTypeConstraint } from './type-constraint.ts';

/**
 * The values `terraform validate` knows while it validates one module: input variables (of their declared
 * type), resources, data sources, module outputs, `count.index`, `each.*` and `self` are unknown; local values are evaluated (lazily,
 * once) from their expressions; `path.*` and `terraform.workspace` are known. References were checked before
 * (references.ts), so every name resolves.
 */
export class ValidateScope {
  private readonly locals = new Map<string, Local>();
  private readonly localValues = new Map<string, TfValue>();
  private readonly localErrors = new Map<string, Diagnostic[]>();
  private readonly variableValues = new Map<string, TfValue>();
  private readonly evaluating = new Set<string>();
  private readonly depth = { current: 0 };

  constructor(
    private readonly index: ModuleIndex,
    private readonly rootDir: string,
    private readonly providerFunctions?: EvalContext['providerFunctions'],
  ) {
    for (const local of index.module.locals) if (!this.locals.has(local.name)) this.locals.set(local.name, local);
  }

  /**
   * Evaluates an expression; Terraform's errors (function calls on known values, operators, conversions)
   * are appended to `diagnostics`. iacpac's own notes (functions it does not evaluate) are dropped: Terraform
   * does not print them, and their value is unknown, which checks nothing.
   */
  evaluate(expr: Expression, diagnostics: Diagnostic[], variables?: Record<string, TfValue>): TfValue {
    const found: Diagnostic[] = [];
    const ctx: EvalContext = {
      resolver: { resolve: (root, steps) => this.resolve(root, steps) },
      baseDir: this.index.module.dir,
      rootDir: this.rootDir,
      cwd: this.rootDir,
      depth: this.depth,
    };
    if (this.providerFunctions) ctx.providerFunctions = this.providerFunctions;
    if (variables) ctx.variables = variables;
    const value = evaluateExpression(expr, ctx, found);
    for (const diagnostic of found) {
      // iacpac's own refusal to read files outside the module is no Terraform error: the value is just unknown.
      if (diagnostic.severity !== 'error' || diagnostic.detail.includes('iacpac reads only files inside the module')) continue;
      diagnostics.push(this.withValues(diagnostic, expr));
    }
    return value;
  }

  /**
   * Terraform lists the known `path.*` values an erroring function call refers to under its snippet; the call
   * is the innermost one around the diagnostic.
   */
  private withValues(diagnostic: Diagnostic, expr: Expression): Diagnostic {
    const range = diagnostic.range;
    if (!range || !('functionCall' in diagnostic)) return diagnostic;
    let call: FunctionCallExpr | undefined;
    walkExpression(expr, {
      call: (c) => {
        if (c.range.start.byte <= range.start.byte && c.range.end.byte >= range.end.byte && c.range.filename === range.filename) call = c;
      },
    });
    if (!call) return diagnostic;
    const values = pathValues(call, { rootDir: this.rootDir, pathModule: this.index.pathModule });
    return values.length > 0 ? { ...diagnostic, values } as Diagnostic : diagnostic;
  }

  /** The value of a local (unknown when its own evaluation failed: that error belongs to the local). */
  localValue(name: string): TfValue {
    const cached = this.localValues.get(name);
    if (cached !== undefined) return cached;
    const local = this.locals.get(name);
    if (!local || this.evaluating.has(name)) return UNKNOWN;
    this.evaluating.add(name);
    const diagnostics: Diagnostic[] = [];
    let value: TfValue;
    try {
      value = this.evaluate(local.attribute.expr, diagnostics);
    } finally {
      this.evaluating.delete(name);
    }
    if (diagnostics.length > 0) value = UNKNOWN;
    this.localValues.set(name, value);
    this.localErrors.set(name, diagnostics);
    return value;
  }

  /** An input variable at validate time: unknown, of its declared type (any type when it has none). */
  private variableValue(name: string): TfValue {
    let value = this.variableValues.get(name);
    if (value === undefined) {
      const declared = this.index.module.variables.find((v) => v.name === name)?.type;
      const constraint = declared ? parseTypeConstraint(declared) : undefined;
      value = constraint && 'type' in constraint ? unknownOf(typeFromJson(constraint.type)) : UNKNOWN;
      this.variableValues.set(name, value);
    }
    return value;
  }

  /** The errors of evaluating a local value (reported once, at the local). */
  localDiagnostics(name: string): Diagnostic[] {
    this.localValue(name);
    return this.localErrors.get(name) ?? [];
  }

  private resolve(root: string, steps: readonly TraversalStep[]): ResolvedReference | undefined {
    const first = steps[0];
    const name = first?.kind === 'attr' ? first.name : undefined;
    switch (root) {
      case 'local':
        return name === undefined ? undefined : { value: this.localValue(name), consumed: 1 };
      case 'var':
        // Input variables are unknown at validate time, of their declared type.
        return { value: name === undefined ? UNKNOWN : this.variableValue(name), consumed: 1 };
      case 'path':
        if (name === 'module') return { value: this.index.pathModule, consumed: 1 };
        if (name === 'root') return { value: '.', consumed: 1 };
        if (name === 'cwd') return { value: this.rootDir, consumed: 1 };
        return { value: UNKNOWN, consumed: 1 };
      case 'terraform':
        return { value: name === 'workspace' ? 'default' : UNKNOWN, consumed: 1 };
      case 'count':
        return { value: unknownOf(T_NUMBER), consumed: 1 };
      case 'each':
        return { value: name === 'key' ? unknownOf(T_STRING) : UNKNOWN, consumed: 1 };
      case 'self':
        return { value: UNKNOWN, consumed: 0 };
      case 'data':
        return { value: UNKNOWN, consumed: 2 };
      default:
        return { value: UNKNOWN, consumed: 1 };
    }
  }
}
