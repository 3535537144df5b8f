/**
 * Severity levels of security findings and policies, lowest first: the one list every subsystem uses (policy
 * metadata, scan thresholds, `--severity` options, config files, bench reports).
 */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
