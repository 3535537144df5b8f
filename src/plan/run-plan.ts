import type { Diagnostic } from '../core/diagnostics.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { ExitError, UsageError } from '../core/errors.ts';
import { logger } from '../core/logger.ts';
import { loadSchemas } from '../schema/index.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import type { PlanJson } from './plan-json.ts';
import { synthesizePlan } from './synthesize.ts';

export interface PlanCommandOptions {
  var?: string[];
  varFile?: string[];
  engine?: string;
  format?: string;
  allowExec?: boolean;
  pluginDir?: string;
  schema?: string[];
}

/**
 * `iacpac plan <dir>`: prints the plan JSON (`terraform show -json` shape) or a text summary. Exit 0 when
 * planned, 1 when the configuration has errors that stop planning, 2 for usage/input errors.
 */
export async function planCommand(dir: string, options: PlanCommandOptions): Promise<void> {
  const engine = options.engine ?? 'embedded';
  const format = options.format ?? 'json';
  if (!['embedded', 'terraform', 'tofu'].includes(engine)) throw new UsageError(`unknown --engine "${engine}"; use embedded, terraform or tofu`);
  if (!['json', 'text'].includes(format)) throw new UsageError(`unknown --format "${format}"; use json or text`);
  const loadOptions = { varFiles: options.varFile ?? [], vars: options.var ?? [] };
  const config = await loadConfiguration(dir, loadOptions);
  let plan: PlanJson | undefined;
  let diagnostics: Diagnostic[] = config.diagnostics.filter((d) => d.severity === 'error');
  if (engine === 'embedded') {
    if (diagnostics.length === 0) {
      const result = synthesizePlan(config, { schemas: loadSchemas(options.schema ?? []) });
      diagnostics = result.diagnostics;
      if (!diagnostics.some((d) => d.severity === 'error')) plan = result.plan;
    }
  } else {
    const { terraformPlan } = await import('../backends/terraform-plan.ts');
    const result = await terraformPlan(dir, config, {
      binary: engine,
      varFiles: loadOptions.varFiles,
      vars: loadOptions.vars,
      allowExec: Boolean(options.allowExec),
      ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}),
    });
    diagnostics = result.diagnostics;
    plan = result.plan;
  }
  for (const d of diagnostics) logger.err(formatDiagnostic(d));
  if (!plan) throw new ExitError(1);
  logger.out(format === 'json' ? JSON.stringify(plan) : planSummary(plan));
}

/** Terraform-like human summary of a plan. */
export function planSummary(plan: PlanJson): string {
  const lines: string[] = [];
  const changes = plan.resource_changes ?? [];
  for (const change of changes) {
    const reads = change.change.actions.includes('read');
    lines.push(`  ${reads ? '<=' : '+'} ${change.address}${reads ? ' (read during apply)' : ''}`);
  }
  const creates = changes.filter((c) => c.change.actions.includes('create')).length;
  const outputs = Object.keys(plan.output_changes ?? {});
  if (outputs.length > 0) lines.push('', 'Changes to Outputs:', ...outputs.map((o) => `  + ${o}`));
  lines.push('', `Plan: ${creates} to add, 0 to change, 0 to destroy.`);
  return lines.join('\n');
}
