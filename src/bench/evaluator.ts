import type { BenchEvaluator } from './run-bench.ts';
import { intentSatisfied } from './metrics/intent-verdict.ts';

export interface EvaluatorOptions {
  engine: 'embedded' | 'terraform' | 'tofu';
  scanner: 'iacpac' | 'checkov';
  pluginDir?: string;
}

/**
 * The bench's checks over the real subsystems: the validator (embedded or the real CLI), the security scanner
 * (our policy library, or Checkov when asked), and IaC-Eval's intent verdict on the synthesised plan.
 */
export async function createEvaluator(options: EvaluatorOptions): Promise<BenchEvaluator> {
  const { validateDirectory } = await import('../validate/index.ts');
  const { validateWithCli } = await import('../backends/index.ts');
  const { scanDirectory } = await import('../scan/index.ts');
  const { loadConfiguration } = await import('../terraform/load-module.ts');
  const { synthesizePlan } = await import('../plan/index.ts');
  const { RegoEngine } = await import('../rego/index.ts');
  return {
    async validate(dir) {
      const result =
        options.engine === 'embedded'
          ? await validateDirectory(dir)
          : await validateWithCli(dir, { engine: options.engine, ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}) });
      return { valid: result.valid, diagnostics: result.diagnostics };
    },
    async scan(dir) {
      const result = await scanDirectory(dir, { scanner: options.scanner });
      return result.findings
        .filter((f) => !f.suppressed)
        .map((f) => ({ policy_id: f.policy_id, severity: f.severity, resource: f.resource, ...(f.references?.checkov ? { checkov: f.references.checkov } : {}) }));
    },
    async intent(dir, regoIntent) {
      const config = await loadConfiguration(dir);
      const { plan, diagnostics } = synthesizePlan(config, {});
      if (diagnostics.some((d) => d.severity === 'error')) return null;
      // v0 unless the module imports rego.v1 (the engine's v0-compatible mode decides per module).
      const engine = new RegoEngine({ v0Compatible: true });
      try {
        engine.addModule('intent.rego', regoIntent);
        return intentSatisfied(engine.prepare('data').evalValue({ input: plan }));
      } catch {
        return false;
      }
    },
  };
}
