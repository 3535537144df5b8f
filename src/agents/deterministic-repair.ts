import type { Analysis } from '../analysis/analyze.ts';
import type { Severity } from '../core/severity.ts';
import { SEVERITIES } from '../core/severity.ts';
import { fixConfiguration, type FixGuard, type Repair } from '../fix/index.ts';
import { RegoEngine } from '../rego/index.ts';
import { toJS } from '../rego/value.ts';
import type { Scanner } from '../scan/scanner.ts';
import type { GeneratedFile } from './extract-files.ts';
import { POLICY_RULES } from './policy-files.ts';
import { readRegoFile } from './rego-source.ts';

/** What the deterministic repairs did to one candidate's Terraform. */
export interface RepairOutcome {
  /** The Terraform files after the kept repairs (the same objects' paths, new contents). */
  terraform: GeneratedFile[];
  applied: Repair[];
  rejected: Array<{ repair: Repair; reason: string }>;
  /** The analysis of the repaired files (one load, one plan), for the technical verification to reuse. */
  analysis: Analysis;
}

/** Repairs a candidate's Terraform (already written in `dir`) before the technical verification. */
export interface CandidateRepairer {
  repair(candidate: { dir: string; terraform: readonly GeneratedFile[]; policies: readonly GeneratedFile[] }): Promise<RepairOutcome>;
}

/**
 * The generator's deterministic repairs (`src/fix/`): validator-driven repairs, and the library policies' declared
 * fixes for findings at or above `severity` (the ones that would block). Each repair is kept only when verified:
 * validate, plan, scan, and the generated policies' violations on the plan must not grow (the guard).
 */
export function createDeterministicRepairer(options: { severity: Severity }): CandidateRepairer {
  let scanner: Scanner | undefined;
  return {
    async repair(candidate) {
      if (!scanner) {
        const { Scanner } = await import('../scan/scanner.ts');
        scanner = new Scanner({ severity: 'info' });
      }
      const threshold = SEVERITIES.indexOf(options.severity);
      const policies = scanner.policies.filter((p) => SEVERITIES.indexOf(p.severity) >= threshold).map((p) => p.id);
      const guard = generatedPoliciesGuard(candidate.policies);
      const result = await fixConfiguration(candidate.dir, { scanner, policies, ...(guard ? { guard } : {}) });
      const changed = new Map(result.changes.map((c) => [c.file, c.after]));
      const terraform = candidate.terraform.map((f) => (changed.has(f.path) ? { path: f.path, content: changed.get(f.path)! } : f));
      return { terraform, applied: result.applied, rejected: result.rejected, analysis: result.analysis };
    },
  };
}

/**
 * The generated policies as a guard: their deny/violation/warn results on the plan, as text. A repair may remove
 * violations but never add one. Undefined when there are no policies or they do not compile (nothing to compare).
 */
export function generatedPoliciesGuard(policies: readonly GeneratedFile[]): FixGuard | undefined {
  if (policies.length === 0) return undefined;
  const engine = new RegoEngine({ limits: { maxSteps: 5_000_000, timeoutMs: 3_000 } });
  try {
    for (const file of policies) engine.addModule(file.path, file.content);
    engine.compile();
  } catch {
    return undefined;
  }
  const queries = policies.flatMap((file) => {
    const info = readRegoFile(file.path, file.content);
    return info.packageName ? POLICY_RULES.filter((r) => info.rules.has(r)).map((r) => `data.${info.packageName}.${r}`) : [];
  });
  return {
    name: 'generated policies',
    evaluate(analysis) {
      const results = new Set<string>();
      for (const query of [...new Set(queries)]) {
        try {
          const value = engine.evalRule(query, { input: analysis.plan.plan });
          const items = value === undefined ? [] : toJS(value);
          for (const item of Array.isArray(items) ? items : [items]) results.add(`${query}: ${JSON.stringify(item)}`);
        } catch (error) {
          results.add(`${query}: error ${String(error)}`);
        }
      }
      return results;
    },
    accept(before, after) {
      return [...(after as Set<string>)].every((item) => (before as Set<string>).has(item));
    },
  };
}
