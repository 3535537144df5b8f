/**
 * Severity levels of security findings and policies, lowest first: the one list every subsystem uses (policy
 * metadata, scan thresholds, `--severity` options, config files, bench reports).
 */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Parses a severity selection the way Checkov and Trivy users write it, case-insensitively: one level means that
 * level and above (`high` → high, critical); a comma-separated list means exactly those levels
 * (`CRITICAL,HIGH`). Returns the selected levels, lowest first, or the offending word.
 */
export function parseSeverities(text: string): { severities: Severity[] } | { invalid: string } {
  const words = text.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  for (const word of words) if (!isSeverity(word)) return { invalid: word };
  if (words.length === 0) return { invalid: text };
  if (words.length === 1) return { severities: SEVERITIES.slice(SEVERITIES.indexOf(words[0] as Severity)) };
  return { severities: SEVERITIES.filter((s) => words.includes(s)) };
}
