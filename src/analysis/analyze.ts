import { resolve } from 'node:path';
import { toValidateResult, type Diagnostic, type ValidateResult } from '../core/diagnostics.ts';
import { synthesizePlan, type SynthesizeResult } from '../plan/synthesize.ts';
import type { RegoEngine } from '../rego/index.ts';
import type { RegoValue } from '../rego/value.ts';
import type { ScanResult } from '../scan/finding.ts';
import type { PreparedScan, Scanner } from '../scan/scanner.ts';
import { loadBundledSchemas } from '../schema/bundled.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { loadConfiguration, type LoadOptions } from '../terraform/load-module.ts';
import type { Configuration } from '../terraform/model.ts';
import { validateConfiguration } from '../validate/validate-configuration.ts';

export interface AnalyzeOptions extends LoadOptions {
  /** Provider schemas for validation and plan synthesis (default: the bundled ones). */
  schemas?: ProviderSchemas;
}

/** A configuration that is already loaded, with the directory it was loaded from. */
export interface LoadedConfiguration {
  dir: string;
  configuration: Configuration;
}

/**
 * Everything iacpac computes about one Terraform configuration, each piece at most once: the configuration is
 * loaded (every file read and parsed) when the analysis is made; validation, the synthesised plan and scans are
 * computed on first use and then shared by every consumer (`check`, `scan`, `plan`, the generator's technical
 * validation, the bench evaluator).
 */
export class Analysis {
  readonly dir: string;
  readonly configuration: Configuration;
  private readonly schemas: ProviderSchemas;
  private validationResult?: ValidateResult;
  private planResult?: SynthesizeResult;
  private scanPlanResult?: SynthesizeResult;
  private readonly scans = new Map<Scanner, ScanResult>();

  constructor(loaded: LoadedConfiguration, schemas: ProviderSchemas = loadBundledSchemas()) {
    this.dir = loaded.dir;
    this.configuration = loaded.configuration;
    this.schemas = schemas;
  }

  /** What `terraform validate -json` reports for the configuration (embedded validator), computed once. */
  get validation(): ValidateResult {
    return (this.validationResult ??= toValidateResult(validateConfiguration(this.configuration, this.schemas, { rootDir: resolve(this.dir) })));
  }

  /** The validation diagnostics (load-time problems such as syntax errors included). */
  get diagnostics(): Diagnostic[] {
    return this.validation.diagnostics;
  }

  /** The statically synthesised plan (`terraform show -json` shape) and its diagnostics, synthesised once. */
  get plan(): SynthesizeResult {
    if (!this.planResult && this.scanPlanResult && !this.scanPlanResult.lenientUsed) this.planResult = this.scanPlanResult;
    if (!this.planResult) {
      analysisCounters.syntheses++;
      this.planResult = synthesizePlan(this.configuration, { schemas: this.schemas });
    }
    return this.planResult;
  }

  /**
   * The plan as the scanner reads it (`lenient`: what a broken configuration writes is kept, see `SynthesizeOptions`),
   * synthesised once. When the lenient reading changed nothing it is the same plan as `plan`, and is shared with it.
   */
  get scanPlan(): SynthesizeResult {
    if (!this.scanPlanResult) {
      analysisCounters.syntheses++;
      this.scanPlanResult = synthesizePlan(this.configuration, { schemas: this.schemas, lenient: true });
    }
    return this.scanPlanResult;
  }

  /** The security scan of the plan with `scanner`'s compiled policies (once per scanner). */
  scan(scanner: Scanner): ScanResult {
    let result = this.scans.get(scanner);
    if (!result) {
      result = scanner.scanConfiguration(this.configuration, this.dir, this.scanPlan);
      this.scans.set(scanner, result);
    }
    return result;
  }

  /**
   * `scan(scanner)` for a caller that needs nothing more of this analysis: the returned scan holds the plan and what
   * findings need of the configuration, not this analysis, so the caller can let go of the analysis (and the loaded
   * model with it) before `run()` evaluates the policies, the peak of a scan's memory. Its result is not kept here.
   */
  prepareScan(scanner: Scanner): PreparedScan {
    const done = this.scans.get(scanner);
    if (done) return { run: () => done };
    return scanner.prepareConfiguration(this.configuration, this.dir, this.scanPlan);
  }

  /** Evaluates a Rego query (e.g. `data.intent`) of `engine`'s modules with the plan JSON as input. */
  evaluate(engine: RegoEngine, query: string): RegoValue | undefined {
    return engine.prepare(query).evalValue({ input: this.plan.plan });
  }
}

/**
 * Loads the configuration in `source` (a directory, or an already-loaded configuration) into an {@link Analysis}.
 * Throws InputError when the directory cannot be analysed at all (see `loadConfiguration`).
 */
export async function analyze(source: string | LoadedConfiguration, options: AnalyzeOptions = {}): Promise<Analysis> {
  const { schemas, ...loadOptions } = options;
  let loaded: LoadedConfiguration;
  if (typeof source === 'string') {
    analysisCounters.loads++;
    loaded = { dir: source, configuration: await loadConfiguration(source, loadOptions) };
  } else {
    loaded = source;
  }
  return new Analysis(loaded, schemas);
}

/**
 * How many configurations were loaded and plans synthesised through analyses in this process (read by tests that
 * check the work is done once, and by the benchmarks).
 */
export const analysisCounters = { loads: 0, syntheses: 0 };
