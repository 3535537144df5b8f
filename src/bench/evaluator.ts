import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { errorMessage } from '../core/errors.ts';
import { intentSatisfied } from './metrics/intent-verdict.ts';
import type { BenchEvaluation, BenchEvaluator } from './run-bench.ts';

export interface EvaluatorOptions {
  engine: 'embedded' | 'terraform' | 'tofu';
  scanner: 'iacpac' | 'checkov';
  pluginDir?: string;
  /** Also evaluate each script after iacpac's deterministic repairs (`iacpac fix`), side by side (`bench --autofix`). */
  autofix?: boolean;
}

/** Where the repaired copy of an attempt's folder is written (beside it, for auditing). */
export const autofixDir = (dir: string): string => `${dir}-autofix`;

/**
 * The bench's checks over the real subsystems: the validator (embedded or the real CLI), the security scanner
 * (our policy library, or Checkov when asked), and IaC-Eval's intent verdict on the synthesised plan. Each attempt's
 * configuration is analysed once: one load, and one synthesised plan shared by the scan and the intent check.
 * With `autofix`, the script is also repaired deterministically (validator- and policy-driven repairs, each verified,
 * without knowledge of the task's intent) and the repaired copy is checked the same way.
 */
export async function createEvaluator(options: EvaluatorOptions): Promise<BenchEvaluator> {
  const { analyze, scanDirectory } = await import('../analysis/index.ts');
  const { validateWithCli } = await import('../backends/index.ts');
  const { Scanner } = await import('../scan/scanner.ts');
  const { RegoEngine } = await import('../rego/index.ts');
  const { fixConfiguration } = await import('../fix/index.ts');
  const scanner = new Scanner({});
  const check = async (dir: string, regoIntent: string): Promise<BenchEvaluation> => {
    const analysis = await analyze(dir);
    const validation =
      options.engine === 'embedded'
        ? analysis.validation
        : await validateWithCli(dir, { engine: options.engine, ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}) });
    const scan = options.scanner === 'checkov' ? await scanDirectory(dir, { scanner: 'checkov' }) : analysis.scan(scanner);
    const findings = scan.findings
      .filter((f) => !f.suppressed)
      .map((f) => ({ policy_id: f.policy_id, severity: f.severity, resource: f.resource, ...(f.references?.checkov ? { checkov: f.references.checkov } : {}) }));
    let intentCorrect: boolean | null = null;
    if (validation.valid && regoIntent.trim()) {
      if (!analysis.plan.diagnostics.some((d: Diagnostic) => d.severity === 'error')) {
        // v0 unless the module imports rego.v1 (the engine's v0-compatible mode decides per module).
        const engine = new RegoEngine({ v0Compatible: true });
        try {
          engine.addModule('intent.rego', regoIntent);
          intentCorrect = intentSatisfied(analysis.evaluate(engine, 'data'));
        } catch {
          intentCorrect = false;
        }
      }
    }
    return { valid: validation.valid, diagnostics: validation.diagnostics, findings, intentCorrect };
  };
  return {
    async evaluate(dir, regoIntent) {
      const raw = await check(dir, regoIntent);
      if (!options.autofix) return raw;
      const unchanged = { valid: raw.valid, diagnostics: raw.diagnostics, findings: raw.findings, intentCorrect: raw.intentCorrect };
      let fixed;
      try {
        fixed = await fixConfiguration(dir, { scanner });
      } catch (error) {
        // Never fail open: the attempt says its repairs could not be tried, and counts as unrepaired.
        return { ...raw, autofix: { ...unchanged, repairs: [], error: errorMessage(error) } };
      }
      const repairs = fixed.applied.map((r) => ({ kind: r.kind, source: r.source, location: r.location, description: r.description }));
      if (fixed.changes.length === 0) return { ...raw, autofix: { ...unchanged, repairs } };
      const target = autofixDir(dir);
      rmSync(target, { recursive: true, force: true });
      cpSync(dir, target, { recursive: true });
      for (const change of fixed.changes) writeFileSync(resolve(target, change.file), change.after);
      const after = await check(target, regoIntent);
      return { ...raw, autofix: { ...after, repairs, ...(fixed.changes.length === 1 ? { output: fixed.changes[0]!.after } : {}) } };
    },
  };
}
