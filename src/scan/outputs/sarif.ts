import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { SourceRange } from '../../core/source-range.ts';
import type { Finding, FindingSeverity, ScanResult } from '../finding.ts';
import type { PolicyInfo } from '../policy-metadata.ts';

const LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
  error: 'error',
};

/** GitHub code scanning reads `security-severity` (0-10) to bucket findings. */
const SECURITY_SEVERITY: Record<FindingSeverity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
  error: '5.0',
};

export interface SarifOptions {
  toolVersion: string;
  /** The policy's documentation address (helpUri) by policy; default: none. */
  helpUri?: (policy: PolicyInfo) => string | undefined;
  /** The tool's home page (informationUri). */
  informationUri?: string;
}

/** A SARIF 2.1.0 log with one run: a rule per policy evaluated, a result per finding. */
export function renderSarif(results: readonly ScanResult[], policies: readonly PolicyInfo[], options: SarifOptions): string {
  const ruleIndex = new Map<string, number>();
  const rules = policies.map((policy, index) => {
    ruleIndex.set(policy.id, index);
    const refs = Object.entries(policy.references).flatMap(([scanner, ids]) => ids.map((id) => `${scanner}:${id}`));
    const service = policy.builtin ? policy.packagePath[2] : undefined;
    const helpUri = options.helpUri?.(policy);
    return {
      id: policy.id,
      name: policy.id,
      shortDescription: { text: policy.title },
      fullDescription: { text: policy.description || policy.title },
      ...(helpUri ? { helpUri } : {}),
      help: {
        text: policy.remediation || policy.title,
        markdown: `${policy.remediation || policy.title}${helpUri ? `\n\n[${policy.id} in the iacpac policy library](${helpUri})` : ''}`,
      },
      defaultConfiguration: { level: LEVEL[policy.severity] },
      properties: {
        tags: ['security', 'terraform', `severity:${policy.severity}`, ...(service ? [`aws:${service}`] : []), ...refs],
        precision: 'high',
        'security-severity': SECURITY_SEVERITY[policy.severity],
        severity: policy.severity,
        ...(policy.resourceTypes.length ? { resource_types: policy.resourceTypes } : {}),
      },
    };
  });
  const sarifResults = results.flatMap((result) => result.findings.map((f) => toResult(result.dir, f, ruleIndex)));
  // What could not be checked (modules not installed, providers without policies, errors): SARIF's notifications.
  const notifications = results.flatMap((result) => [
    ...result.errors.map((error) => ({
      level: 'error',
      message: { text: error.message },
      descriptor: { id: error.code ? `scan-error/${error.code}` : 'scan-error' },
      ...(error.range ? { locations: [{ physicalLocation: physicalLocation(result.dir, error.range) }] } : {}),
    })),
    ...result.notices.map((notice) => ({
      level: notice.severity,
      message: { text: `${result.dir}: ${notice.message}` },
      descriptor: { id: notice.code },
      ...(notice.range ? { locations: [{ physicalLocation: physicalLocation(result.dir, notice.range) }] } : {}),
    })),
  ]);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iacpac',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: results.every((r) => r.errors.length === 0),
            toolExecutionNotifications: notifications,
            properties: { partial: results.filter((r) => r.partial).map((r) => r.dir) },
          },
        ],
        results: sarifResults,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(dir: string, f: Finding, ruleIndex: Map<string, number>): Record<string, unknown> {
  const index = ruleIndex.get(f.policy_id);
  const result: Record<string, unknown> = {
    ruleId: f.policy_id,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: f.message || f.title },
  };
  const locations: Record<string, unknown>[] = [];
  const logical = f.resource ? [{ name: f.resource, fullyQualifiedName: f.resource, kind: 'resource' }] : undefined;
  if (f.range) {
    locations.push({
      physicalLocation: physicalLocation(dir, f.range),
      ...(logical ? { logicalLocations: logical } : {}),
    });
  } else if (logical) {
    locations.push({ logicalLocations: logical });
  }
  if (locations.length) result.locations = locations;
  // Stable across line moves: the same policy on the same resource in the same file is the same alert.
  result.partialFingerprints = { 'iacpacFinding/v1': fingerprint([f.policy_id, f.resource, artifactUri(dir, f.range?.filename), f.resource ? '' : f.message]) };
  if (f.suppressed) {
    result.suppressions = [{ kind: f.suppression_kind === 'baseline' ? 'external' : 'inSource', justification: f.suppression_reason ?? '' }];
  }
  result.properties = {
    severity: f.severity,
    resource: f.resource,
    partial: f.partial,
    ...(Object.keys(f.references).length ? { references: f.references } : {}),
  };
  return result;
}

function artifactUri(dir: string, filename: string | undefined): string {
  if (!filename) return toPosix(dir);
  const base = dir.endsWith('.json') ? posix.dirname(toPosix(dir)) : toPosix(dir);
  return encodeURI(posix.normalize(posix.join(base, toPosix(filename))));
}

function physicalLocation(dir: string, range: SourceRange): Record<string, unknown> {
  return {
    artifactLocation: { uri: artifactUri(dir, range.filename) },
    region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
  };
}

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}
