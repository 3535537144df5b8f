import type { Analysis } from '../analysis/analyze.ts';
import { InputError, errorMessage } from '../core/errors.ts';
import type { Severity } from '../core/severity.ts';
import { formatRange } from '../core/source-range.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { RegoCompileErrors, RegoEngine, RegoError } from '../rego/index.ts';
import { toJS } from '../rego/value.ts';
import type { Scanner } from '../scan/scanner.ts';
import type { AgentFinding } from './agent-finding.ts';
import type { GeneratedFile } from './extract-files.ts';
import { readRegoFile, type RegoFileInfo } from './rego-source.ts';
import type { Candidate, TechnicalResult, Verifier } from './verifier.ts';

export interface TechnicalValidationOptions {
  /** Security findings at or above this severity block (default high). */
  severity: Severity;
}

/** Deny-style rules whose results are violations (blocking) and warnings (advisory). */
const VIOLATION_RULES = ['deny', 'violation'];
const WARNING_RULES = ['warn'];

/**
 * Step 1 on iacpac's embedded engines, in order: terraform validate (validator), plan synthesis, security scan
 * (policy library), rego check (compile every generated module), rego test (every test_ rule must be true), test
 * coverage (each deny rule has a test that makes it fire), and the generated policies evaluated on the plan.
 * Every finding quotes the engine's own message. Nothing is executed: no terraform, no providers, no generated code.
 * The candidate's configuration is analysed once: one load, one synthesised plan shared by the scan and the policies.
 */
export function createTechnicalVerifier(options: TechnicalValidationOptions): Verifier {
  let scanner: Scanner | undefined;
  return {
    async verify(candidate: Candidate): Promise<TechnicalResult> {
      const findings: AgentFinding[] = [];
      const stages: Record<string, string> = {};
      let terraformValid = false;
      let plan: unknown;
      let analysis: Analysis | undefined;

      if (candidate.terraform.length === 0) {
        stages['terraform-validate'] = 'skipped (no Terraform files)';
      } else {
        const { analyze } = await import('../analysis/analyze.ts');
        try {
          analysis = candidate.analysis ?? (await analyze(candidate.dir));
        } catch (error) {
          // Generated files iacpac cannot read at all (over a bound of core/limits.ts, ...): the generator must fix them.
          if (!(error instanceof InputError)) throw error;
          findings.push({ stage: 'terraform-validate', target: 'iac', blocking: true, severity: 'error', message: error.message });
          stages['terraform-validate'] = 'not readable';
        }
      }
      if (analysis) {
        const validation = validateTerraform(analysis);
        findings.push(...validation.findings);
        terraformValid = validation.valid;
        stages['terraform-validate'] = validation.valid ? `valid${validation.warnings ? ` (${validation.warnings} warning(s))` : ''}` : `${validation.errors} error(s)`;
        if (terraformValid) {
          if (!scanner) {
            const { Scanner } = await import('../scan/scanner.ts');
            scanner = new Scanner({ severity: options.severity });
          }
          // The scan first: its (lenient) plan is then shared with the plan stage when the lenient reading changed nothing.
          const scanned = await scan(analysis, scanner);
          const planned = synthesize(analysis);
          plan = planned.plan;
          findings.push(...planned.findings);
          stages.plan = planned.plan ? `${countChanges(planned.plan)} resource change(s)` : 'failed';
          findings.push(...scanned.findings);
          stages['security-scan'] = `${scanned.findings.length} finding(s) at or above ${options.severity}`;
        }
      }
      if (!terraformValid) {
        stages.plan = 'skipped (Terraform not valid)';
        stages['security-scan'] = 'skipped (Terraform not valid)';
      }

      const policyResult = checkPolicies(candidate.policies, plan);
      findings.push(...policyResult.findings);
      Object.assign(stages, policyResult.stages);
      return { findings, terraformValid, ...(plan !== undefined ? { plan } : {}), stages };
    },
  };
}

function validateTerraform(analysis: Analysis): { valid: boolean; errors: number; warnings: number; findings: AgentFinding[] } {
  const result = analysis.validation;
  const findings = result.diagnostics.map((d: Diagnostic): AgentFinding => ({
    stage: 'terraform-validate',
    target: 'iac',
    blocking: d.severity === 'error',
    severity: d.severity,
    message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
    ...(d.range ? { location: formatRange(d.range) } : {}),
  }));
  return { valid: result.valid, errors: result.error_count, warnings: result.warning_count, findings };
}

function synthesize(analysis: Analysis): { plan?: unknown; findings: AgentFinding[] } {
  try {
    const { plan, diagnostics } = analysis.plan;
    const findings = diagnostics
      .filter((d: Diagnostic) => d.severity === 'error')
      .map((d: Diagnostic): AgentFinding => ({
        stage: 'plan',
        target: 'iac',
        blocking: true,
        severity: 'error',
        message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
        ...(d.range ? { location: formatRange(d.range) } : {}),
      }));
    return { plan, findings };
  } catch (error) {
    return { findings: [{ stage: 'plan', target: 'iac', blocking: true, message: errorMessage(error) }] };
  }
}

async function scan(analysis: Analysis, scanner: Scanner): Promise<{ findings: AgentFinding[] }> {
  const { loadLibrary } = await import('../scan/policy-library.ts');
  const result = analysis.scan(scanner);
  const remediation = new Map(loadLibrary().policies.map((p) => [p.id, p.remediation]));
  const findings = result.findings
    .filter((f) => !f.suppressed)
    .map((f): AgentFinding => ({
      stage: 'security-scan',
      target: 'iac',
      blocking: true,
      id: f.policy_id,
      severity: f.severity,
      resource: f.resource,
      message: `${f.title}: ${f.message}`,
      ...(f.range ? { location: formatRange(f.range) } : {}),
      ...(remediation.get(f.policy_id) ? { hint: remediation.get(f.policy_id)! } : {}),
    }));
  // Never clean when the scan could not see everything (a module that is not on disk, ...): findings may be missing.
  // Errors of the configuration itself are already findings of the validate and plan stages.
  for (const notice of result.notices.filter((n) => n.severity === 'warning')) {
    findings.push({
      stage: 'security-scan',
      target: 'iac',
      blocking: true,
      message: `not everything could be scanned: ${notice.message}`,
      ...(notice.range ? { location: formatRange(notice.range) } : {}),
    });
  }
  return { findings };
}

/** rego check, rego test, test coverage and the policies on the plan, all through the embedded Rego engine. */
export function checkPolicies(policies: readonly GeneratedFile[], plan: unknown): { findings: AgentFinding[]; stages: Record<string, string> } {
  const stages: Record<string, string> = {};
  const findings: AgentFinding[] = [];
  if (policies.length === 0) {
    stages['rego-check'] = 'no policies';
    findings.push({ stage: 'rego-check', target: 'pac', blocking: true, message: 'no Rego policy files were generated' });
    return { findings, stages };
  }
  const infos = policies.map((f) => readRegoFile(f.path, f.content));
  const compiled = compilePolicies(policies);
  findings.push(...compiled.findings);
  stages['rego-check'] = compiled.engine ? `${policies.length} module(s) compile` : `${compiled.findings.length} error(s)`;
  if (!compiled.engine) {
    stages['rego-test'] = 'skipped (policies do not compile)';
    stages['policy-evaluation'] = 'skipped (policies do not compile)';
    return { findings, stages };
  }
  const engine = compiled.engine;

  const tests = runTests(engine, infos);
  findings.push(...tests.findings);
  stages['rego-test'] = `${tests.passed}/${tests.total} passed`;

  const uncovered = uncoveredDenyRules(engine, infos, tests.passing);
  for (const u of uncovered) {
    findings.push({
      stage: 'test-coverage',
      target: 'pac',
      blocking: true,
      id: `${u.packageName}.${u.rule}`,
      location: u.path,
      message: `no passing test makes data.${u.packageName}.${u.rule} fire (every test still passes when ${u.rule} is empty): add a test_ rule that asserts count(${u.rule}) > 0 on a violating input (with input as {...})`,
    });
  }
  const policyPackages = packagesWithRules(infos, [...VIOLATION_RULES, ...WARNING_RULES]);
  const denyTotal = policyPackages.reduce((n, p) => n + VIOLATION_RULES.filter((r) => p.rules.has(r)).length, 0);
  stages['test-coverage'] = `${denyTotal - uncovered.length}/${denyTotal} deny rule(s) have a firing test`;
  if (denyTotal === 0) {
    findings.push({ stage: 'test-coverage', target: 'pac', blocking: true, message: 'the generated policies define no deny rule (deny contains msg if {...})' });
  }

  if (plan === undefined) {
    stages['policy-evaluation'] = 'skipped (no plan)';
  } else {
    let violations = 0;
    for (const info of policyPackages) {
      for (const rule of [...VIOLATION_RULES, ...WARNING_RULES]) {
        if (!info.rules.has(rule)) continue;
        const evaluated = evaluateRule(engine, `data.${info.packageName}.${rule}`, plan);
        if ('error' in evaluated) {
          findings.push({ stage: 'policy-evaluation', target: 'pac', blocking: true, id: info.path, location: info.path, message: `evaluating data.${info.packageName}.${rule} on the plan failed: ${evaluated.error}` });
          continue;
        }
        for (const message of evaluated.messages) {
          const blocking = VIOLATION_RULES.includes(rule);
          if (blocking) violations++;
          findings.push({ stage: 'policy-evaluation', target: 'iac', blocking, id: info.path, severity: blocking ? 'error' : 'warning', message: `${rule} (${info.packageName}): ${message.text}`, ...(message.resource ? { resource: message.resource } : {}) });
        }
      }
    }
    stages['policy-evaluation'] = `${violations} violation(s) on the plan`;
  }
  return { findings, stages };
}

type Engine = RegoEngine;

function compilePolicies(policies: readonly GeneratedFile[]): { engine?: Engine; findings: AgentFinding[] } {
  const findings: AgentFinding[] = [];
  // Bounded evaluation: a generated policy that recurses or explodes fails with an error instead of hanging.
  const engine = new RegoEngine({ limits: { maxSteps: 5_000_000, timeoutMs: 3_000 } });
  for (const file of policies) {
    try {
      engine.addModule(file.path, file.content);
    } catch (error) {
      findings.push(regoErrorFinding(error, file.path));
    }
  }
  if (findings.length > 0) return { findings };
  try {
    engine.compile();
  } catch (error) {
    if (error instanceof RegoCompileErrors) return { findings: error.errors.map((e) => regoErrorFinding(e)) };
    return { findings: [regoErrorFinding(error)] };
  }
  return { engine, findings };
}

function regoErrorFinding(error: unknown, fallbackLocation?: string): AgentFinding {
  const location = error instanceof RegoError && error.location ? `${error.location.file}:${error.location.row}:${error.location.col}` : fallbackLocation;
  return { stage: 'rego-check', target: 'pac', blocking: true, message: errorMessage(error), ...(location ? { location } : {}) };
}

function runTests(engine: Engine, infos: readonly RegoFileInfo[]): { total: number; passed: number; passing: string[]; findings: AgentFinding[] } {
  let total = 0;
  let passed = 0;
  const passing: string[] = [];
  const findings: AgentFinding[] = [];
  for (const info of infos) {
    for (const test of info.tests) {
      total++;
      const name = `data.${info.packageName}.${test.name}`;
      const result = evaluateValue(engine, name, undefined);
      if ('error' in result) {
        findings.push({ stage: 'rego-test', target: 'pac', blocking: true, id: test.name, location: `${info.path}:${test.line}`, message: `${name}: ERROR: ${result.error}` });
      } else if (result.value !== true) {
        findings.push({ stage: 'rego-test', target: 'pac', blocking: true, id: test.name, location: `${info.path}:${test.line}`, message: `${name}: FAIL (the test body is ${result.value === undefined ? 'undefined' : 'not true'})` });
      } else {
        passed++;
        passing.push(name);
      }
    }
  }
  return { total, passed, passing, findings };
}

/**
 * Deny rules no passing test depends on. A test makes `data.P.deny` fire when it passes as written but no longer
 * passes with `with data.P.deny as set()`: the assertion needed deny to be non-empty. This is semantic (whatever
 * the test's form), unlike matching `count(deny) > 0` in the text.
 */
function uncoveredDenyRules(engine: Engine, infos: readonly RegoFileInfo[], passingTests: readonly string[]): Array<{ path: string; rule: string; packageName: string }> {
  const uncovered: Array<{ path: string; rule: string; packageName: string }> = [];
  for (const info of packagesWithRules(infos, VIOLATION_RULES)) {
    for (const rule of VIOLATION_RULES) {
      if (!info.rules.has(rule)) continue;
      const ref = `data.${info.packageName}.${rule}`;
      const fires = passingTests.some((test) => {
        const mocked = evaluateValue(engine, `${test} with ${ref} as set()`, undefined);
        return !('error' in mocked) && mocked.value !== true;
      });
      if (!fires) uncovered.push({ path: info.path, rule, packageName: info.packageName });
    }
  }
  return uncovered;
}

function evaluateValue(engine: Engine, query: string, input: unknown): { value: unknown } | { error: string } {
  try {
    const value = engine.evalRule(query, input === undefined ? {} : { input });
    return { value: value === undefined ? undefined : toJS(value) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/** A deny-style rule's results as messages: strings, or objects with msg/message and an address/resource. */
function evaluateRule(engine: Engine, query: string, input: unknown): { messages: Array<{ text: string; resource?: string }> } | { error: string } {
  const result = evaluateValue(engine, query, input);
  if ('error' in result) return result;
  const items = Array.isArray(result.value) ? result.value : result.value === undefined ? [] : [result.value];
  return {
    messages: items.map((item: unknown) => {
      if (typeof item === 'string') return { text: item };
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const text = typeof o.msg === 'string' ? o.msg : typeof o.message === 'string' ? o.message : JSON.stringify(item);
        const resource = typeof o.address === 'string' ? o.address : typeof o.resource === 'string' ? o.resource : undefined;
        return { text, ...(resource ? { resource } : {}) };
      }
      return { text: JSON.stringify(item) };
    }),
  };
}

/**
 * Rego packages that define any of `rules` (a package may span files, and a file may hold a policy and its tests):
 * one entry per package, with the first file that defines one of the rules and every rule name of the package.
 */
function packagesWithRules(infos: readonly RegoFileInfo[], rules: readonly string[]): Array<{ packageName: string; path: string; rules: Set<string> }> {
  const byPackage = new Map<string, { packageName: string; path: string; rules: Set<string> }>();
  for (const info of infos) {
    if (!info.packageName) continue;
    const entry = byPackage.get(info.packageName) ?? { packageName: info.packageName, path: '', rules: new Set<string>() };
    for (const rule of info.rules) entry.rules.add(rule);
    if (!entry.path && rules.some((r) => info.rules.has(r))) entry.path = info.path;
    byPackage.set(info.packageName, entry);
  }
  return [...byPackage.values()].filter((p) => p.path !== '');
}

function countChanges(plan: unknown): number {
  const changes = (plan as { resource_changes?: unknown[] }).resource_changes;
  return Array.isArray(changes) ? changes.length : 0;
}
