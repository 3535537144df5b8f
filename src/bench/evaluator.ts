import type { Diagnostic } from '../core/diagnostics.ts';
import { intentSatisfied } from './metrics/intent-verdict.ts';
import type { BenchEvaluator } from './run-bench.ts';

export interface EvaluatorOptions {
  engine: 'embedded' | 'terraform' | 'tofu';
  scanner: 'iacpac' | 'checkov';
  pluginDir?: string;
}

/**
 * The bench's checks over the real subsystems: the validator (embedded or the real CLI), the security scanner
 * (our policy library, or Checkov when asked), and IaC-Eval's intent verdict on the synthesised plan. Each attempt's
 * configuration is analysed once: one load, and one synthesised plan shared by the scan and the intent check.
 */
export async function createEvaluator(options: EvaluatorOptions): Promise<BenchEvaluator> {
  const { analyze, scanDirectory } = await import('../analysis/index.ts');
  const { validateWithCli } = await import('../backends/index.ts');
  const { Scanner } = await import('../scan/scanner.ts');
  const { RegoEngine } = await import('../rego/index.ts');
  const scanner = new Scanner({});
  return {
    async evaluate(dir, regoIntent) {
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
    },
  };
}
