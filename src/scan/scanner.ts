import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import type { Configuration } from '../terraform/model.ts';
import { compareFindings, type Finding, type ScanError, type ScanNotice, type ScanResult, type Severity } from './finding.ts';
import { missingModuleNotices, uncheckedProviderNotices, unmatchedIgnoreNotices } from './coverage.ts';
import { loadLibrary, loadPolicyDir, selectPolicies, type PolicySet } from './policy-library.ts';
import type { PolicyInfo } from './policy-metadata.ts';
import { PolicyRunner } from './rego-runner.ts';
import { createResourceLocator, type Declaration, type ResourceLocation } from './resource-locator.ts';
import { applySuppressions, suppressionsIn, type Suppression } from './suppressions.ts';
import { synthesizePlan, type SynthesizeResult } from '../plan/synthesize.ts';
import { SCAN_EXTENSION_KEY, scanExtension } from '../plan/scan-extension.ts';
import { loadConfiguration } from '../terraform/load-module.ts';

export interface ScanOptions {
  /** Lowest severity to evaluate and report (default: info = everything). */
  severity?: Severity;
  /** Exactly these severities (e.g. `['high', 'critical']`); wins over `severity`. */
  severities?: Severity[];
  /** Policy ids or globs to run (ours or cross-reference ids such as CKV_AWS_19); all when empty. */
  policies?: string[];
  skipPolicies?: string[];
  /** Extra user policy directories or files. */
  policyDirs?: string[];
  /** Leave out the bundled library (only user policies). */
  noLibrary?: boolean;
  /** Input variables for directory scans (`--var k=v`, `--var-file`). */
  vars?: string[];
  varFiles?: string[];
}

/**
 * Scans Terraform directories or plan JSON files with the policy library (+ user policies). Construct once and
 * reuse: the policies are compiled a single time.
 */
export class Scanner {
  readonly policies: PolicyInfo[];
  private readonly runner: PolicyRunner;
  private readonly byId: Map<string, PolicyInfo>;
  private readonly options: ScanOptions;
  private readonly knownIds: string[];

  constructor(options: ScanOptions = {}) {
    this.options = options;
    const sets: PolicySet[] = [];
    if (!options.noLibrary) sets.push(loadLibrary());
    for (const dir of options.policyDirs ?? []) sets.push(loadPolicyDir(dir));
    const selected = selectPolicies(sets, {
      severity: options.severity,
      ...(options.severities ? { severities: options.severities } : {}),
      include: options.policies,
      exclude: options.skipPolicies,
    });
    this.policies = selected.policies;
    this.knownIds = selected.knownIds;
    this.byId = new Map(this.policies.map((p) => [p.id, p]));
    this.runner = new PolicyRunner(selected.policies, selected.modules);
  }

  /**
   * Scans a directory or a plan JSON file (`terraform show -json` output), chosen by what the path is. Directories
   * go through `scanDirectory`, unless the caller passes its own (e.g. one that shares an `Analysis`).
   */
  async scanPath(path: string, scanDirectory: (dir: string) => Promise<ScanResult> = (dir) => this.scanDirectory(dir)): Promise<ScanResult> {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`${path}: no such file or directory; pass a Terraform directory or a plan JSON file`);
    }
    if (info.isDirectory()) return scanDirectory(path);
    if (!path.endsWith('.json')) throw new InputError(`${path}: not a directory or a .json plan file`);
    let plan: unknown;
    try {
      plan = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${(error as Error).message}); pass \`terraform show -json\` output`);
    }
    return this.scanPlan(plan, path);
  }

  async scanDirectory(dir: string): Promise<ScanResult> {
    const config = await loadConfiguration(dir, { vars: this.options.vars ?? [], varFiles: this.options.varFiles ?? [] });
    return this.scanConfiguration(config, dir);
  }

  /**
   * Scans an already-loaded configuration. `dir` labels the result; `planned` is the configuration's plan synthesised
   * as the scan reads it (`synthesizePlan(config, { lenient: true })`) when the caller already has it (an `Analysis`
   * shares it between its consumers), else it is synthesised here.
   */
  scanConfiguration(config: Configuration, dir: string, planned: SynthesizeResult = synthesizePlan(config, { lenient: true })): ScanResult {
    return this.prepareConfiguration(config, dir, planned).run();
  }

  /**
   * `scanConfiguration` in two steps: this one reads the configuration, `run()` evaluates the policies and makes the
   * findings. The prepared scan keeps the plan and what findings need of the configuration (resource blocks' ranges,
   * comments), not the configuration, so a caller that needs nothing else of it can release the loaded model before
   * `run()`: evaluation is the peak of a scan's memory, and the model is most of a loaded configuration's.
   */
  prepareConfiguration(config: Configuration, dir: string, planned: SynthesizeResult): PreparedScan {
    const { plan, diagnostics } = planned;
    const partialFiles = new Set<string>();
    for (const module of allModules(config)) {
      for (const file of module.files) if (file.syntaxErrors.length > 0) partialFiles.add(file.filename);
    }
    const missing = missingModuleNotices(config);
    return this.prepared({
      // The standard plan JSON plus the `iacpac` extension (what the plan format leaves out, e.g. `lifecycle`).
      input: { ...plan, [SCAN_EXTENSION_KEY]: scanExtension(config) },
      dir,
      errors: [...config.diagnostics, ...diagnostics].filter((d) => d.severity === 'error').map(scanError),
      locate: createResourceLocator(config),
      notices: [...missing, ...unmatchedIgnoreNotices(config, this.knownIds)],
      // Resources of a module that is not installed are missing from the plan: no finding of this root is complete.
      allPartial: missing.length > 0,
      partialFiles,
    });
  }

  /** A scan of `inputs` to run (made apart from `prepareConfiguration`, so it holds nothing but `inputs`). */
  private prepared(inputs: ScanInputs): PreparedScan {
    return {
      run: () => {
        const { input, dir, errors, locate, notices, allPartial, partialFiles } = inputs;
        const result = this.evaluate(input, dir, errors, locate, notices);
        result.findings = result.findings.map((f) => (allPartial || (f.range && partialFiles.has(f.range.filename)) ? { ...f, partial: true } : f));
        result.partial ||= result.findings.some((f) => f.partial);
        return result;
      },
    };
  }

  scanPlan(plan: unknown, label = 'plan'): ScanResult {
    if (!plan || typeof plan !== 'object' || !Array.isArray((plan as { resource_changes?: unknown }).resource_changes)) {
      if (plan && typeof plan === 'object' && 'planned_values' in plan) {
        // A plan without changes has no resource_changes array: nothing to check.
      } else {
        throw new InputError(`${label}: not a Terraform plan JSON document (no resource_changes); use \`terraform show -json <planfile>\``);
      }
    }
    assertNestingDepth(plan, MAX_INPUT_DEPTH, label);
    return this.evaluate(plan, label, [], () => undefined, []);
  }

  private evaluate(
    plan: unknown,
    dir: string,
    givenErrors: ScanError[],
    locate: (address: string) => ResourceLocation | undefined,
    notices: ScanNotice[],
  ): ScanResult {
    let errors = givenErrors;
    const outcomes = this.runner.evaluate(plan);
    const findings: Finding[] = [];
    const today = new Date().toISOString().slice(0, 10);
    // The suppression comments of each resource block, read once however many findings it has.
    const suppressionsOf = new Map<Declaration, Suppression[]>();
    for (const [id, outcome] of outcomes) {
      const policy = this.byId.get(id) as PolicyInfo;
      if ('error' in outcome) {
        findings.push({
          policy_id: id,
          severity: 'error',
          title: policy.title,
          message: `policy failed to ${outcome.compile ? 'compile' : 'evaluate'}: ${outcome.error}`,
          resource: '',
          references: policy.references,
          suppressed: false,
          partial: false,
        });
        continue;
      }
      const seen = new Set<string>();
      for (const raw of outcome.findings) {
        const key = `${raw.address}\u0000${raw.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const location = raw.address ? locate(raw.address) : undefined;
        let finding: Finding = {
          policy_id: id,
          severity: policy.severity,
          title: policy.title,
          message: raw.message,
          resource: raw.address,
          ...(location ? { range: location.range } : {}),
          references: policy.references,
          suppressed: false,
          partial: false,
        };
        const declared = location?.declaration;
        if (declared?.file) {
          let suppressions = suppressionsOf.get(declared);
          if (!suppressions) {
            const { start, end } = declared.blockRange;
            suppressions = suppressionsIn(declared.file, start.line, end.line);
            suppressionsOf.set(declared, suppressions);
          }
          finding = applySuppressions(finding, suppressions, today);
        }
        findings.push(finding);
      }
    }
    findings.sort(compareFindings);
    // User modules that did not compile were left out; what depended on them did not run.
    errors = [...errors, ...this.runner.brokenHelpers.map((h) => ({ message: `${h.message} (this module was left out of the scan)`, file: h.file, code: 'policy-compile' }))];
    const resourceChanges = (plan as { resource_changes?: unknown[] }).resource_changes;
    const allNotices = [...notices, ...uncheckedProviderNotices(plan, this.policies)];
    const partial = errors.length > 0 || allNotices.some((n) => n.severity === 'warning') || findings.some((f) => f.severity === 'error');
    return { dir, findings, errors, partial, notices: allNotices, policies: this.policies.length, resources: resourceChanges?.length ?? 0 };
  }
}

/** A scan of a configuration whose configuration-reading part is done (see `Scanner.prepareConfiguration`). */
export interface PreparedScan {
  /** Evaluates the policies on the plan and makes the findings (each call evaluates again). */
  run(): ScanResult;
}

/** What a configuration's scan needs once the configuration has been read. */
interface ScanInputs {
  /** The plan JSON with the scan extension. */
  input: unknown;
  dir: string;
  errors: ScanError[];
  locate: (address: string) => ResourceLocation | undefined;
  notices: ScanNotice[];
  /** Every finding is partial (a called module is not installed). */
  allPartial: boolean;
  /** Files with syntax errors: findings in them are partial. */
  partialFiles: ReadonlySet<string>;
}

/** A loader or plan diagnostic as a scan error (its one-line text, file and range). */
function scanError(diagnostic: Diagnostic): ScanError {
  return {
    message: formatDiagnostic(diagnostic),
    ...(diagnostic.range ? { file: diagnostic.range.filename, range: diagnostic.range } : {}),
    code: diagnostic.code ?? diagnostic.summary,
  };
}

/** Deepest JSON nesting accepted in a plan document (real plans stay far below; deeper input cannot be evaluated safely). */
export const MAX_INPUT_DEPTH = 512;

/** Throws InputError when `value` nests deeper than `max` (checked iteratively, so hostile input cannot overflow the stack). */
export function assertNestingDepth(value: unknown, max: number, label: string): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (!item || typeof item !== 'object') continue;
    if (depth > max) throw new InputError(`${label}: JSON nested deeper than ${max} levels; this is not a Terraform plan iacpac can evaluate`);
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
}

function allModules(config: Configuration): Configuration['root'][] {
  const out: Configuration['root'][] = [];
  const visit = (module: Configuration['root']): void => {
    out.push(module);
    for (const call of module.moduleCalls) if (call.module) visit(call.module);
  };
  visit(config.root);
  return out;
}


/** Scans a plan JSON document (`terraform show -json` shape). */
export function scanPlan(plan: unknown, options: ScanOptions = {}, label = 'plan'): ScanResult {
  return new Scanner(options).scanPlan(plan, label);
}
