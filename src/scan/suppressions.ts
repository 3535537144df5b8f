import type { HclFile } from '../hcl/ast.ts';
import type { Finding } from './finding.ts';
import { matchesAny } from './id-glob.ts';

/** An inline suppression comment inside a resource block. */
export interface Suppression {
  /** `iacpac` (# iacpac:ignore=<id>[,<id>] <reason>) or `checkov` (#checkov:skip=<CKV id>:<reason>). */
  kind: 'iacpac' | 'checkov';
  ids: string[];
  reason: string;
  line: number;
}

const IACPAC = /iacpac:ignore=([A-Za-z0-9_*?.,-]+)(?:[\s:]+(.*))?$/;
const CHECKOV = /checkov:skip=([A-Za-z0-9_*?,-]+)(?::(.*))?$/;

/** Suppressions written in comments between `startLine` and `endLine` (inclusive) of a file. */
export function suppressionsIn(file: HclFile, startLine: number, endLine: number): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of file.comments) {
    if (comment.line < startLine || comment.line > endLine) continue;
    const text = comment.text.replace(/\*\/\s*$/, '').trim();
    const iacpac = IACPAC.exec(text);
    if (iacpac?.[1]) out.push({ kind: 'iacpac', ids: split(iacpac[1]), reason: (iacpac[2] ?? '').trim(), line: comment.line });
    const checkov = CHECKOV.exec(text);
    if (checkov?.[1]) out.push({ kind: 'checkov', ids: split(checkov[1]), reason: (checkov[2] ?? '').trim(), line: comment.line });
  }
  return out;
}

function split(ids: string): string[] {
  return ids.split(',').map((id) => id.trim()).filter(Boolean);
}

/** Marks the finding suppressed when one of the suppressions names its policy id (iacpac) or Checkov id (checkov). */
export function applySuppressions(finding: Finding, suppressions: readonly Suppression[]): Finding {
  for (const s of suppressions) {
    const ids = s.kind === 'iacpac' ? [finding.policy_id, ...(finding.references.checkov ?? [])] : (finding.references.checkov ?? []);
    if (ids.some((id) => matchesAny(id, s.ids))) {
      const reason = s.reason || `suppressed by ${s.kind === 'iacpac' ? 'iacpac:ignore' : 'checkov:skip'} comment on line ${s.line}`;
      return { ...finding, suppressed: true, suppression_reason: reason };
    }
  }
  return finding;
}
