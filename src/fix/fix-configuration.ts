import type { Analysis } from '../analysis/analyze.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import type { HclFile } from '../hcl/ast.ts';
import { loadBundledSchemas } from '../schema/bundled.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { matchesAny } from '../scan/id-glob.ts';
import type { Finding } from '../scan/finding.ts';
import { Scanner } from '../scan/scanner.ts';
import { assess, type Assessment, type AssessOptions, type FixGuard } from './assess.ts';
import { allModules } from './locate.ts';
import { proposePolicyRepairs } from './policy-repairs.ts';
import type { Repair, RepairContext } from './repair.ts';
import { isNativeFile } from './repair-helpers.ts';
import { applyEdits, editsOverlap } from './source-edit.ts';
import { VALIDATOR_REPAIRS } from './validator-repairs/index.ts';

export interface FixOptions {
  /** Only validator-driven repairs, or only security (policy-driven) ones; default both. */
  only?: 'validate' | 'security';
  /** Library policy ids, Checkov ids or globs whose findings may be repaired (default: every policy with a fix). */
  policies?: string[];
  /** An extra check every repair must keep (intent verdict, generated policies). */
  guard?: FixGuard;
  /** The scanner used to verify (default: the whole library, every severity). Its policies' fixes are proposed. */
  scanner?: Scanner;
  schemas?: ProviderSchemas;
  load?: AssessOptions['load'];
  /** Bound on repair rounds (each accepted validator repair is a round). */
  maxRounds?: number;
}

/** The state of a configuration, for before/after reports. */
export interface FixSummary {
  valid: boolean;
  errors: number;
  warnings: number;
  /** Unsuppressed security findings (all severities of the verifying scanner). */
  findings: number;
}

export interface FixResult {
  dir: string;
  /** Files whose text the kept repairs change. */
  changes: Array<{ file: string; before: string; after: string }>;
  /** Repairs kept, in the order they were verified. */
  applied: Repair[];
  /** Repairs tried and not kept, with the reason verification gave. */
  rejected: Array<{ repair: Repair; reason: string }>;
  before: FixSummary;
  after: FixSummary;
  /** The analysis of the repaired sources (one load, one plan), for callers that check further. */
  analysis: Analysis;
  /** The findings left after the repairs, and those before them. */
  findings: Finding[];
  findingsBefore: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * Repairs a Terraform configuration deterministically, without writing anything: validator-driven repairs (renames
 * Terraform suggests, structure fixes; see validator-repairs/) and policy-driven ones (the fixes policies declare in
 * their METADATA). Every repair is an edit of source bytes (formatting and comments elsewhere are kept) and is kept only
 * when the edited configuration, analysed again (validate, plan, scan, and the guard), is better and nothing got
 * worse:
 * - validation: an invalid configuration gets further (fewer errors at the same stage, or a later stage), a valid one
 *   stays valid without new warnings (a deprecation repair removes a deprecated use);
 * - plan: no new plan error; scan: no new finding (for a configuration that was valid), and a security repair removes
 *   the findings it targets; the guard: unchanged as `accept` defines it.
 * Validator repairs are tried one at a time; security repairs together first (each targets its own findings, so a
 * group passes only if each member does), then one at a time if the group fails.
 */
export async function fixConfiguration(dir: string, options: FixOptions = {}): Promise<FixResult> {
  const schemas = options.schemas ?? loadBundledSchemas();
  const scanner = options.scanner ?? new Scanner({ severity: 'info' });
  const assessOptions: AssessOptions = { scanner, schemas, ...(options.guard ? { guard: options.guard } : {}), ...(options.load ? { load: options.load } : {}) };
  let current = await assess(dir, new Map(), assessOptions);
  const sources = editableSources(current.analysis);
  const original = new Map(sources);
  const start = summary(current);
  const findingsBefore = current.findings;
  const applied: Repair[] = [];
  const rejected: FixResult['rejected'] = [];
  const tried = new Set<string>();
  const policies = new Map(scanner.policies.filter((p) => p.fix !== undefined && (!options.policies || [p.id, ...(p.references.checkov ?? [])].some((id) => matchesAny(id, options.policies!)))).map((p) => [p.id, p]));

  const attempt = async (repairs: Repair[]): Promise<{ after: Assessment; next: Map<string, string> } | string> => {
    const next = withRepairs(sources, repairs);
    const after = await assess(dir, next, assessOptions);
    return judge(current, after, repairs, options.guard) ?? { after, next };
  };
  // Where each kept repair's first edit is, moved along by later edits, so locations refer to the repaired files.
  const anchors: Array<{ file: string; byte: number }> = [];
  const keep = (repairs: Repair[], outcome: { after: Assessment; next: Map<string, string> }): void => {
    const edits = repairs.flatMap((r) => r.edits);
    for (const anchor of anchors) anchor.byte = shifted(anchor.file, anchor.byte, edits);
    for (const repair of repairs) {
      const first = [...repair.edits].sort((a, b) => a.start - b.start)[0];
      // At the first character the edit writes (inserted text usually starts with a newline and indentation).
      const lead = first ? Buffer.byteLength(/^\s*/.exec(first.text)![0]) : 0;
      anchors.push(first ? { file: first.file, byte: shifted(first.file, first.start, edits.filter((e) => e !== first)) + lead } : { file: '', byte: 0 });
    }
    for (const [file, text] of outcome.next) sources.set(file, text);
    applied.push(...repairs);
    current = outcome.after;
  };

  /** Tries `repairs` one at a time and keeps the first that verification accepts; false when none is. */
  const keepFirstAccepted = async (repairs: Repair[]): Promise<boolean> => {
    for (const repair of repairs) {
      tried.add(repairKey(repair));
      const outcome = await attempt([repair]);
      if (typeof outcome === 'string') {
        rejected.push({ repair, reason: outcome });
        continue;
      }
      keep([repair], outcome);
      return true;
    }
    return false;
  };

  for (let round = 0; round < (options.maxRounds ?? 50); round++) {
    const context = repairContext(current, sources, schemas);
    const proposals: Repair[] = [];
    if (options.only !== 'security') proposals.push(...VALIDATOR_REPAIRS.flatMap((rule) => rule.propose(context)));
    if (options.only !== 'validate' && current.level === 0 && policies.size > 0) {
      proposals.push(...proposePolicyRepairs(context, { policies, plannedValues: plannedValues(current.analysis) }));
    }
    const fresh = proposals.filter((p) => p.edits.every((e) => sources.has(e.file)) && !tried.has(repairKey(p)));
    if (fresh.length === 0) break;
    if (await keepFirstAccepted(fresh.filter((p) => p.source === 'validate'))) continue;
    const security = nonOverlapping(fresh.filter((p) => p.source === 'security'));
    if (security.length > 1) {
      const outcome = await attempt(security);
      if (typeof outcome !== 'string') {
        for (const repair of security) tried.add(repairKey(repair));
        keep(security, outcome);
        continue;
      }
    }
    if (!(await keepFirstAccepted(security))) break;
  }
  applied.forEach((repair, i) => {
    const anchor = anchors[i]!;
    if (sources.has(anchor.file)) repair.location = `${anchor.file}:${lineColumn(sources.get(anchor.file)!, anchor.byte)}`;
  });
  const changes = [...sources].filter(([file, text]) => original.get(file) !== text).map(([file, text]) => ({ file, before: original.get(file)!, after: text }));
  return {
    dir,
    changes,
    applied,
    rejected,
    before: start,
    after: summary(current),
    analysis: current.analysis,
    findings: current.findings,
    findingsBefore,
    diagnostics: [...current.errors, ...current.warnings],
  };
}

/**
 * Why the repaired configuration `after` must not replace `before`, or undefined when it may (see fixConfiguration).
 */
export function judge(before: Assessment, after: Assessment, repairs: readonly Repair[], guard?: FixGuard): string | undefined {
  const security = repairs.some((r) => r.source === 'security');
  if (before.level === 0) {
    if (after.level !== 0) return `the configuration would become invalid (${after.errors[0] ? formatDiagnostic(after.errors[0]) : 'errors'})`;
    if (after.warnings.length > before.warnings.length) return `${after.warnings.length - before.warnings.length} new validator warning(s)`;
    if (!security && after.deprecated >= before.deprecated && after.warnings.length >= before.warnings.length) return 'no validator problem was solved';
    if (after.planErrors > before.planErrors) return 'plan synthesis would fail';
  } else {
    if (security) return 'security repairs apply to valid configurations only';
    if (after.level > before.level) return `validation would stop earlier (${after.errors[0] ? formatDiagnostic(after.errors[0]) : 'errors'})`;
    for (const repair of repairs) {
      const target = repair.diagnostic;
      if (!target) continue;
      const same = (d: Diagnostic) => d.summary === target.summary && d.detail === target.detail;
      if (after.level === before.level && after.errors.filter(same).length >= before.errors.filter(same).length) return 'the diagnostic it answers is still reported';
    }
    // Errors the repair caused are in the text it edited; errors elsewhere were hidden before (validation skips
    // whatever depends on a failed part) and are real problems of their own.
    const known = new Set(before.errors.map((d) => `${d.summary}|${d.detail}`));
    const regions = editedRegions(repairs);
    const caused = after.errors.find((d) => !known.has(`${d.summary}|${d.detail}`) && d.range && regions.some((r) => r.file === d.range!.filename && d.range!.start.byte <= r.end && r.start <= d.range!.end.byte));
    if (caused) return `the repair causes ${formatDiagnostic(caused)}`;
  }
  if (before.level === 0 || security) {
    const known = new Set(before.findings.map(findingKey));
    const added = after.findings.filter((f) => !known.has(findingKey(f)));
    if (added.length > 0) return `new security finding ${added[0]!.policy_id} on ${added[0]!.resource}`;
  }
  for (const repair of repairs) {
    if (repair.source !== 'security') continue;
    const left = after.findings.find((f) => f.policy_id === repair.policyId && configAddress(f.resource) === repair.resource);
    if (left) return `${left.policy_id} still fails on ${left.resource}`;
  }
  if (guard && before.guard) {
    if (!after.guard) return `the ${guard.name} could not be evaluated after the repair`;
    if (!guard.accept(before.guard.value, after.guard.value)) return `the ${guard.name} would change`;
  }
  return undefined;
}

/** Byte `at` of `file` after `edits` (of the text `at` refers to) are applied. */
function shifted(file: string, at: number, edits: readonly Repair['edits'][number][]): number {
  const mine = edits.filter((e) => e.file === file);
  const delta = (e: Repair['edits'][number]) => Buffer.byteLength(e.text) - (e.end - e.start);
  // Inside a replaced range: the anchor moves to where that replacement starts.
  const around = mine.find((e) => e.start < at && at < e.end);
  const point = around ? around.start : at;
  return point + mine.filter((e) => e !== around && e.end <= point && !(e.start === point && e.end > e.start)).reduce((sum, e) => sum + delta(e), 0);
}

/** `line:column` (1-based, columns in characters) of byte `at` of `text`. */
function lineColumn(text: string, at: number): string {
  const before = Buffer.from(text, 'utf8').subarray(0, at).toString('utf8');
  const lines = before.split('\n');
  return `${lines.length}:${[...lines.at(-1)!].length + 1}`;
}

/** The sources with every edit of `repairs` applied (per file, all at once: offsets refer to the current text). */
function withRepairs(sources: ReadonlyMap<string, string>, repairs: readonly Repair[]): Map<string, string> {
  const next = new Map(sources);
  for (const file of new Set(repairs.flatMap((r) => r.edits.map((e) => e.file)))) {
    next.set(file, applyEdits(next.get(file)!, repairs.flatMap((r) => r.edits.filter((e) => e.file === file))));
  }
  return next;
}

/** Where the edits' new text lies in the edited files (byte ranges after all the edits). */
function editedRegions(repairs: readonly Repair[]): Array<{ file: string; start: number; end: number }> {
  const regions: Array<{ file: string; start: number; end: number }> = [];
  const byFile = new Map<string, Repair['edits']>();
  for (const edit of repairs.flatMap((r) => r.edits)) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    let delta = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
      const length = Buffer.byteLength(edit.text);
      regions.push({ file, start: edit.start + delta, end: edit.start + delta + length });
      delta += length - (edit.end - edit.start);
    }
  }
  return regions;
}

function summary(assessment: Assessment): FixSummary {
  return { valid: assessment.level === 0, errors: assessment.errors.length, warnings: assessment.warnings.length, findings: assessment.findings.length };
}

function findingKey(finding: Finding): string {
  return `${finding.policy_id}|${finding.resource}`;
}

/** `module.a.aws_s3_bucket.b["x"]` -> `aws_s3_bucket.b` (the address of the block in its module). */
function configAddress(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  while (parts[0] === 'module' && parts.length > 2) parts.splice(0, 2);
  return parts.join('.');
}

function repairKey(repair: Repair): string {
  return `${repair.kind}|${repair.location}|${repair.description}`;
}

/** The native files of the configuration that repairs may edit (not modules installed by `terraform init`). */
function editableSources(analysis: Analysis): Map<string, string> {
  const sources = new Map<string, string>();
  for (const module of allModules(analysis.configuration)) {
    for (const file of module.files) {
      if (isNativeFile(file.filename) && !file.filename.split('/').includes('.terraform') && !file.filename.startsWith('..')) sources.set(file.filename, file.source);
    }
  }
  return sources;
}

function repairContext(current: Assessment, sources: ReadonlyMap<string, string>, schemas: ProviderSchemas): RepairContext {
  const files = new Map<string, HclFile>();
  for (const module of allModules(current.analysis.configuration)) for (const file of module.files) files.set(file.filename, file);
  return { sources, files, configuration: current.analysis.configuration, schemas, diagnostics: [...current.errors, ...current.warnings], findings: current.findings };
}

function plannedValues(analysis: Analysis): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const changes = (analysis.scanPlan.plan as { resource_changes?: Array<{ address?: string; change?: { after?: unknown } }> } | undefined)?.resource_changes ?? [];
  for (const change of changes) if (change.address) out.set(change.address, change.change?.after);
  return out;
}

/** The first repairs, in order, whose edits touch none of the earlier ones'. */
function nonOverlapping(repairs: readonly Repair[]): Repair[] {
  const chosen: Repair[] = [];
  for (const repair of repairs) {
    if (chosen.some((c) => c.edits.some((a) => repair.edits.some((b) => editsOverlap(a, b))))) continue;
    chosen.push(repair);
  }
  return chosen;
}
