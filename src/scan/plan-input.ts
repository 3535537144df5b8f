import type { Diagnostic } from '../core/diagnostics.ts';
import { synthesizePlan } from '../plan/synthesize.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import type { Configuration } from '../terraform/model.ts';

/** Loads a Terraform directory and synthesises its plan JSON statically (no provider, no credentials). */
export async function planConfiguration(
  dir: string,
  options: { vars?: string[]; varFiles?: string[] } = {},
): Promise<{ config: Configuration; plan: unknown; diagnostics: Diagnostic[] }> {
  const config = await loadConfiguration(dir, { vars: options.vars ?? [], varFiles: options.varFiles ?? [] });
  const { plan, diagnostics } = synthesizePlan(config, {});
  return { config, plan, diagnostics: [...config.diagnostics, ...diagnostics] };
}
