import type { Role } from '../llm/config.ts';
import type { RoleModel } from '../llm/create-models.ts';
import type { AgentFinding } from './agent-finding.ts';
import type { LoopResult } from './orchestrator.ts';
import type { TaskInputs } from './prompts.ts';
import type { Totals } from './trace.ts';

export type RunStatus = 'clean' | 'escalated' | 'approved' | 'rejected' | 'error';

/** report.json: everything about a run that later tooling needs, rendered only from the run's own records. */
export interface RunReport {
  format_version: 1;
  status: RunStatus;
  exit_code: number;
  requirements: string;
  regulations?: string;
  max_iterations: number;
  iterations: number;
  /** The iteration whose files are the final output (the best verified candidate). */
  best_iteration?: number;
  /** Why the loop stopped: clean, max-iterations, stall (repeated files or findings), no-review (no usable verdict). */
  stop?: { reason: string; detail: string };
  models: Record<Role, { provider: string; model: string }>;
  files: string[];
  open_findings: AgentFinding[];
  history: Array<{
    iteration: number;
    regenerated: { iac: boolean; pac: boolean };
    terraform_valid: boolean;
    repeats?: number;
    stages: Record<string, string>;
    blocking: number;
    findings: AgentFinding[];
    review?: unknown;
    notices: string[];
    /** Deterministic repairs kept before the iteration was verified. */
    repairs?: Array<{ kind: string; location: string; description: string; note?: string }>;
  }>;
  retrieved: string[];
  totals: Totals & { elapsedMs: number };
  error?: string;
}

export function buildRunReport(args: {
  status: RunStatus;
  exitCode: number;
  task: TaskInputs;
  maxIterations: number;
  models: Record<Role, RoleModel>;
  result?: LoopResult;
  totals: Totals;
  elapsedMs: number;
  error?: string;
}): RunReport {
  const { result } = args;
  return {
    format_version: 1,
    status: args.status,
    exit_code: args.exitCode,
    requirements: args.task.requirements,
    ...(args.task.regulations ? { regulations: args.task.regulations } : {}),
    max_iterations: args.maxIterations,
    iterations: result?.iterations.length ?? 0,
    ...(result ? { best_iteration: result.best, stop: result.stop } : {}),
    models: Object.fromEntries(Object.entries(args.models).map(([role, m]) => [role, { provider: m.model.provider, model: m.model.modelId }])) as RunReport['models'],
    files: result?.files.map((f) => f.path) ?? [],
    open_findings: result?.openFindings ?? [],
    history:
      result?.iterations.map((it) => ({
        iteration: it.iteration,
        regenerated: it.regenerated,
        terraform_valid: it.terraformValid,
        ...(it.repeats !== undefined ? { repeats: it.repeats } : {}),
        stages: it.stages,
        blocking: it.findings.filter((f) => f.blocking).length,
        findings: it.findings,
        ...(it.review ? { review: it.review } : {}),
        notices: it.notices,
        ...(it.repairs ? { repairs: it.repairs } : {}),
      })) ?? [],
    retrieved: result?.retrieved ?? [],
    totals: { ...args.totals, elapsedMs: args.elapsedMs },
    ...(args.error ? { error: args.error } : {}),
  };
}
