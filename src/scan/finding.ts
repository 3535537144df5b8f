import { SEVERITIES, type Severity } from '../core/severity.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { ValidateResult } from '../core/diagnostics.ts';

export { SEVERITIES, isSeverity, type Severity } from '../core/severity.ts';
/** A finding's severity: a policy severity, or `error` for a policy that failed to evaluate (always reported). */
export type FindingSeverity = Severity | 'error';

/**
 * One policy violation. The JSON field names are a contract other tools (SARIF/JUnit renderers, the generator's
 * feedback loop, the benchmark) rely on.
 */
export interface Finding {
  policy_id: string;
  severity: FindingSeverity;
  title: string;
  message: string;
  /** Instance address as in the plan, e.g. `aws_instance.web[0]` or `module.net.aws_vpc.main`. */
  resource: string;
  /** The resource block in the source (filename relative to the scanned directory); absent for plan-only input. */
  range?: SourceRange;
  /** Cross-references to other scanners' ids, e.g. `{checkov: ['CKV_AWS_19']}`. */
  references: Record<string, string[]>;
  suppressed: boolean;
  suppression_reason?: string;
  /** How it was suppressed: a comment in the source (`inline`) or a baseline file (`baseline`). */
  suppression_kind?: 'inline' | 'baseline';
  /** The file holding the resource had syntax errors: the finding comes from a recovered (partial) tree. */
  partial: boolean;
}

/**
 * A problem that kept (part of) an input from being scanned: never fail open, so every output format says so.
 * `message` is the one line the text outputs print; `file` and `range` say where, when known.
 */
export interface ScanError {
  /** One line: what went wrong, with `file:line:col` when known, e.g. `Error: Unclosed configuration block (main.tf:12:3): ...`. */
  message: string;
  /** The file, relative to the scanned directory (or as the external scanner named it). */
  file?: string;
  /** Where in `file`, in the loader's coordinates (1-based line and column, 0-based byte). */
  range?: SourceRange;
  /** Machine-readable cause: the diagnostic's code or summary (`Unclosed configuration block`), or `checkov-parse`. */
  code?: string;
}

/**
 * A run-level note about one scanned input: something that could not be checked, or was checked only in part.
 * Every output format shows them, so a result is never "clean" without saying what was left out.
 */
export interface ScanNotice {
  /**
   * What kind of gap: `module-not-installed` (a module call whose source is not on disk: its resources are not
   * scanned), `provider-not-checked` (resources of a provider no selected policy covers), `ignore-unmatched`
   * (a trivy/tfsec ignore comment naming an id no policy cross-references), or another producer's code.
   */
  code: string;
  /** `warning`: findings may be missing (the result is partial); `note`: information about coverage. */
  severity: 'warning' | 'note';
  /** One line, saying what and what to do. */
  message: string;
  range?: SourceRange;
}

/** The findings of one scanned input (a directory or a plan JSON file). */
export interface ScanResult {
  /** The directory or plan file as given. */
  dir: string;
  findings: Finding[];
  /** Problems that kept (part of) the input from being scanned, e.g. syntax errors. */
  errors: ScanError[];
  /**
   * True when part of the input could not be scanned (syntax errors, a plan error, a module that is not installed,
   * a policy that failed): findings may be missing. `notices` and `errors` say what.
   */
  partial: boolean;
  /** What was not (fully) checked and why; see {@link ScanNotice}. */
  notices: ScanNotice[];
  /** Number of policies evaluated and resources seen. */
  policies: number;
  resources: number;
  /** `iacpac check`: what `terraform validate` says about the same configuration (absent for scans and plan input). */
  validation?: ValidateResult;
}

export function severityRank(severity: FindingSeverity): number {
  return severity === 'error' ? SEVERITIES.length : SEVERITIES.indexOf(severity);
}

/** True when the finding counts against the threshold (unsuppressed and at or above it; errors always count). */
export function isBlocking(finding: Finding, threshold: Severity): boolean {
  return !finding.suppressed && severityRank(finding.severity) >= severityRank(threshold);
}

/** True when the finding counts against a severity selection (unsuppressed and one of `severities`; errors always count). */
export function isBlockingIn(finding: Finding, severities: readonly Severity[]): boolean {
  return !finding.suppressed && (finding.severity === 'error' || severities.includes(finding.severity));
}

/** Stable order: file, line, resource, policy id. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.range?.filename ?? '';
  const fb = b.range?.filename ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  if (a.resource !== b.resource) return a.resource < b.resource ? -1 : 1;
  return a.policy_id < b.policy_id ? -1 : a.policy_id > b.policy_id ? 1 : 0;
}
