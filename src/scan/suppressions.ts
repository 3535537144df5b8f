import type { HclFile } from '../hcl/ast.ts';
import type { Finding } from './finding.ts';
import { matchesAny } from './id-glob.ts';

/** The comment syntaxes iacpac honours, each as its tool documents it. */
export type SuppressionKind = 'iacpac' | 'checkov' | 'trivy' | 'tfsec';

/** An inline suppression comment inside (or, for trivy/tfsec, right above) a resource block. */
export interface Suppression {
  /**
   * `iacpac` (# iacpac:ignore=<id>[,<id>] <reason>), `checkov` (#checkov:skip=<CKV id>:<reason>), `trivy`
   * (#trivy:ignore:<AVD id or long id>[:exp:YYYY-MM-DD]) or `tfsec` (#tfsec:ignore:<long id>[:exp:YYYY-MM-DD]).
   */
  kind: SuppressionKind;
  ids: string[];
  reason: string;
  line: number;
  /** trivy/tfsec `:exp:YYYY-MM-DD`: the suppression no longer applies after this day. */
  expires?: string;
}

const IACPAC = /iacpac:ignore=([A-Za-z0-9_*?.,-]+)(?:[\s:]+(.*))?$/;
const CHECKOV = /checkov:skip=([A-Za-z0-9_*?,-]+)(?::(.*))?$/;
const TRIVY_TFSEC = /\b(trivy|tfsec):ignore:([A-Za-z0-9_*?.-]+)((?::[a-z]+:[^\s:]+)*)/g;

/** The trivy/tfsec ignore comments of one comment's text (several may share a line). */
export function trivyIgnores(text: string, line: number): Suppression[] {
  const out: Suppression[] = [];
  for (const match of text.matchAll(TRIVY_TFSEC)) {
    const kind = match[1] as 'trivy' | 'tfsec';
    const options = new Map<string, string>();
    for (const part of (match[3] ?? '').matchAll(/:([a-z]+):([^\s:]+)/g)) options.set(part[1] ?? '', part[2] ?? '');
    const expires = options.get('exp');
    out.push({ kind, ids: [match[2] ?? ''], reason: '', line, ...(expires ? { expires } : {}) });
  }
  return out;
}

/**
 * Suppressions written in comments between `startLine` and `endLine` (inclusive) of a file, plus the trivy/tfsec
 * ignores in the run of comment lines right above `startLine` (where Trivy and tfsec expect them).
 */
export function suppressionsIn(file: Pick<HclFile, 'comments'>, startLine: number, endLine: number): Suppression[] {
  if (file.comments.length === 0) return [];
  const { lines, sorted } = commentIndex(file);
  let firstAbove = startLine;
  while (lines.has(firstAbove - 1)) firstAbove--;
  const out: Suppression[] = [];
  for (let i = firstAtOrAfter(sorted, firstAbove); i < sorted.length; i++) {
    const comment = sorted[i]!;
    if (comment.line > endLine) break;
    const text = comment.text.replace(/\*\/\s*$/, '').trim();
    out.push(...trivyIgnores(text, comment.line));
    if (comment.line < startLine) continue;
    const iacpac = IACPAC.exec(text);
    if (iacpac?.[1]) out.push({ kind: 'iacpac', ids: split(iacpac[1]), reason: (iacpac[2] ?? '').trim(), line: comment.line });
    const checkov = CHECKOV.exec(text);
    if (checkov?.[1]) out.push({ kind: 'checkov', ids: split(checkov[1]), reason: (checkov[2] ?? '').trim(), line: comment.line });
  }
  return out;
}

type Comment = HclFile['comments'][number];

/** A file's comment lines and its comments ordered by line (stable), built once per file: a scan asks per finding. */
const commentIndexes = new WeakMap<Pick<HclFile, 'comments'>, { lines: Set<number>; sorted: Comment[] }>();

function commentIndex(file: Pick<HclFile, 'comments'>): { lines: Set<number>; sorted: Comment[] } {
  let index = commentIndexes.get(file);
  if (!index) {
    index = { lines: new Set(file.comments.map((c) => c.line)), sorted: [...file.comments].sort((a, b) => a.line - b.line) };
    commentIndexes.set(file, index);
  }
  return index;
}

/** Index of the first comment on or after `line` in comments ordered by line. */
function firstAtOrAfter(sorted: readonly Comment[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function split(ids: string): string[] {
  return ids.split(',').map((id) => id.trim()).filter(Boolean);
}

/** The ids a suppression of `kind` may name for `finding`. */
function idsFor(kind: SuppressionKind, finding: Finding): string[] {
  const references = Object.values(finding.references).flat();
  switch (kind) {
    case 'checkov':
      return finding.references.checkov ?? [];
    case 'iacpac':
      return [finding.policy_id, ...(finding.references.checkov ?? [])];
    case 'trivy':
    case 'tfsec':
      // Trivy/tfsec ids reach our policies through their cross-references (avd, tfsec, trivy, checkov) or our own id.
      return [finding.policy_id, ...references];
  }
}

const LABEL: Record<SuppressionKind, string> = { iacpac: 'iacpac:ignore', checkov: 'checkov:skip', trivy: 'trivy:ignore', tfsec: 'tfsec:ignore' };

/**
 * Marks the finding suppressed when one of the suppressions names its policy id (iacpac), Checkov id (checkov) or
 * any cross-referenced id (trivy/tfsec; an expired `:exp:` date no longer suppresses). `today` is YYYY-MM-DD.
 */
export function applySuppressions(finding: Finding, suppressions: readonly Suppression[], today = new Date().toISOString().slice(0, 10)): Finding {
  for (const s of suppressions) {
    if (s.expires && s.expires < today) continue;
    if (idsFor(s.kind, finding).some((id) => matchesAny(id, s.ids))) {
      const reason = s.reason || `suppressed by ${LABEL[s.kind]} comment on line ${s.line}`;
      return { ...finding, suppressed: true, suppression_reason: reason, suppression_kind: 'inline' };
    }
  }
  return finding;
}
