/**
 * Removes API keys from anything written to traces, reports or logs: the configured secret values themselves, plus
 * well-known key shapes (OpenAI `sk-...`, Anthropic `sk-ant-...`, `Bearer <token>`, `api-key: ...`).
 */
const PATTERNS: RegExp[] = [
  /\bsk-(?:ant-)?[A-Za-z0-9_-]{16,}/g,
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b((?:x-)?api-key["']?\s*[:=]\s*["']?)[A-Za-z0-9._~+/=-]{8,}/gi,
];

export const REDACTED = '[REDACTED]';

/** Replaces each configured secret value (exact text, 4 characters or more) by `[REDACTED]`; nothing else changes. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** True when one of the configured secret values occurs in `text`. */
export function containsSecret(text: string, secrets: readonly string[] = []): boolean {
  return secrets.some((secret) => secret.length >= 4 && text.includes(secret));
}

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = maskSecrets(text, secrets);
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED));
  }
  return out;
}

/** Deep-redacts every string inside a JSON-like value. */
export function redactValue<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)])) as T;
  }
  return value;
}
