import { resolve } from 'node:path';
import { analyze, type Analysis } from '../analysis/analyze.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Block, Body } from '../hcl/ast.ts';
import { loadBundledSchemas } from '../schema/bundled.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import type { Finding } from '../scan/finding.ts';
import type { Scanner } from '../scan/scanner.ts';
import type { LoadOptions } from '../terraform/load-module.ts';
import { configDiagnostics } from '../validate/config-checks.ts';
import { allModules, resourceSchemaOf } from './locate.ts';

/**
 * A check the caller adds to every verification, e.g. the IaC-Eval intent verdict or the generated policies'
 * violations on the plan. It is evaluated when the configuration is valid and plans; a repair of a configuration
 * whose value was known is kept only when `accept(before, after)` holds.
 */
export interface FixGuard {
  /** For messages: `intent verdict`, `generated policies`. */
  name: string;
  evaluate(analysis: Analysis): unknown;
  accept(before: unknown, after: unknown): boolean;
}

/** Everything one verification found about one version of the sources (one analysis: one load, one plan). */
export interface Assessment {
  analysis: Analysis;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /**
   * How far validation got: 3 syntax errors, 2 load-time errors (duplicates, unknown top-level blocks: Terraform
   * checks nothing else then), 1 other errors, 0 valid. Fixing an earlier stage may reveal later-stage errors.
   */
  level: number;
  /** Error diagnostics of plan synthesis (valid configurations only). */
  planErrors: number;
  /** Unsuppressed findings of the scanner's policies. */
  findings: Finding[];
  /** Arguments and blocks written that the provider schema marks deprecated. */
  deprecated: number;
  /** The guard's value (valid configurations that plan only). */
  guard?: { value: unknown };
}

export interface AssessOptions {
  scanner: Scanner;
  guard?: FixGuard;
  load?: Pick<LoadOptions, 'vars' | 'varFiles' | 'env'>;
  /** Provider schemas (default: the bundled ones). */
  schemas?: ProviderSchemas;
}

/** Analyses `dir` with `sources` (absolute path -> text) in place of the files' content, once. */
export async function assess(dir: string, sources: ReadonlyMap<string, string>, options: AssessOptions): Promise<Assessment> {
  const overlay = new Map([...sources].map(([file, text]) => [resolve(dir, file), text]));
  const schemas = options.schemas ?? loadBundledSchemas();
  const analysis = await analyze(dir, { ...(options.load ?? {}), sources: overlay, schemas });
  const diagnostics = analysis.validation.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const level = errors.length === 0 ? 0 : errors.some((d) => d.code === 'syntax') ? 3 : loadTimeErrors(analysis) ? 2 : 1;
  const scan = analysis.scan(options.scanner);
  const findings = scan.findings.filter((f) => !f.suppressed);
  let planErrors = 0;
  let guard: Assessment['guard'];
  if (level === 0) {
    planErrors = analysis.plan.diagnostics.filter((d) => d.severity === 'error').length;
    if (options.guard && planErrors === 0) guard = { value: options.guard.evaluate(analysis) };
  }
  return { analysis, errors, warnings, level, planErrors, findings, deprecated: deprecatedUses(analysis, schemas), ...(guard ? { guard } : {}) };
}

function loadTimeErrors(analysis: Analysis): boolean {
  const { configuration } = analysis;
  if (configuration.diagnostics.some((d) => d.severity === 'error')) return true;
  return allModules(configuration).some((module) => configDiagnostics(module).some((d) => d.severity === 'error'));
}

/** How many deprecated arguments and blocks the resources write (schema `deprecated` flags). */
function deprecatedUses(analysis: Analysis, schemas: ProviderSchemas): number {
  let count = 0;
  const visit = (body: Body, schema: SchemaBlock | undefined, depth: number): void => {
    if (!schema || depth > 32) return;
    for (const attribute of body.attributes) if (schema.attributes?.[attribute.name]?.deprecated) count++;
    for (const block of body.blocks as Block[]) {
      const nested = schema.block_types?.[block.type];
      if (nested?.block.deprecated) count++;
      visit(block.body, nested?.block, depth + 1);
    }
  };
  for (const module of allModules(analysis.configuration)) {
    for (const resource of module.resources) visit(resource.config, resourceSchemaOf(resource, module, schemas), 0);
  }
  return count;
}

