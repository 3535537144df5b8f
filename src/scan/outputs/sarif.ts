import { posix } from 'node:path';
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
}

/** A SARIF 2.1.0 log with one run: a rule per policy evaluated, a result per finding. */
export function renderSarif(results: readonly ScanResult[], policies: readonly PolicyInfo[], options: SarifOptions): string {
  const ruleIndex = new Map<string, number>();
  const rules = policies.map((policy, index) => {
    ruleIndex.set(policy.id, index);
    const refs = Object.entries(policy.references).flatMap(([scanner, ids]) => ids.map((id) => `${scanner}:${id}`));
    return {
      id: policy.id,
      name: policy.id,
      shortDescription: { text: policy.title },
      fullDescription: { text: policy.description || policy.title },
      help: { text: policy.remediation || policy.title, markdown: policy.remediation || policy.title },
      defaultConfiguration: { level: LEVEL[policy.severity] },
      properties: {
        tags: ['security', 'terraform', ...refs],
        'security-severity': SECURITY_SEVERITY[policy.severity],
        severity: policy.severity,
        ...(policy.resourceTypes.length ? { resource_types: policy.resourceTypes } : {}),
      },
    };
  });
  const sarifResults = results.flatMap((result) => result.findings.map((f) => toResult(result.dir, f, ruleIndex)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iacpac',
            version: options.toolVersion,
            rules,
          },
        },
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
    const base = dir.endsWith('.json') ? posix.dirname(toPosix(dir)) : toPosix(dir);
    locations.push({
      physicalLocation: {
        artifactLocation: { uri: encodeURI(posix.normalize(posix.join(base, f.range.filename))) },
        region: {
          startLine: f.range.start.line,
          startColumn: f.range.start.column,
          endLine: f.range.end.line,
          endColumn: f.range.end.column,
        },
      },
      ...(logical ? { logicalLocations: logical } : {}),
    });
  } else if (logical) {
    locations.push({ logicalLocations: logical });
  }
  if (locations.length) result.locations = locations;
  if (f.suppressed) result.suppressions = [{ kind: 'inSource', justification: f.suppression_reason ?? '' }];
  result.properties = {
    severity: f.severity,
    resource: f.resource,
    partial: f.partial,
    ...(Object.keys(f.references).length ? { references: f.references } : {}),
  };
  return result;
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}
