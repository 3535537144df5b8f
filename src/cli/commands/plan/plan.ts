import { analyze } from '../../../analysis/analyze.ts';
import { formatDiagnostic, type Diagnostic } from '../../../core/diagnostics.ts';
import { ExitError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import type { PlanJson } from '../../../plan/plan-json.ts';
import { planSummary } from '../../../plan/plan-summary.ts';
import { loadSchemas } from '../../../schema/index.ts';

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
  const loaded = await analyze(dir, loadOptions);
  let plan: PlanJson | undefined;
  let diagnostics: Diagnostic[] = loaded.configuration.diagnostics.filter((d) => d.severity === 'error');
  if (engine === 'embedded') {
    if (diagnostics.length === 0) {
      // --schema files are read only when there is something to plan (a broken configuration fails first).
      const result = (await analyze(loaded, { schemas: loadSchemas(options.schema ?? []) })).plan;
      diagnostics = result.diagnostics;
      if (!diagnostics.some((d) => d.severity === 'error')) plan = result.plan;
    }
  } else {
    const { terraformPlan } = await import('../../../backends/terraform-plan.ts');
    const result = await terraformPlan(dir, loaded.configuration, {
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
