// Turns the second probing round's answers (bench/baselines/provider-checks/aws-5.100.0.pattern-probes.jsonl.gz)
// into checks of the probed arguments (used by scripts/gen-provider-checks.ts): each custom message becomes an
// inferred rule that reproduces every answer (scripts/provider-checks/infer-rule.ts), or a literal check of the
// strings that drew it. The first round's literal rejects of a probed argument are dropped: the second round
// shows the same strings again ('', the name-like probe, the long string) and sees its own messages in full.
import type { ArgumentChecks, ValueCheck } from '../../src/schema/provider-checks/check-types.ts';
import { renderTemplate, runValueCheck } from '../../src/validate/provider-checks/value-checks.ts';
import { classify } from './classify.ts';
import { inferRules, type InferResult, type RuleObservation } from './infer-rule.ts';
import { LONG_VALUE, LONG_VALUE_LOWER, isAbout, type PatternRecord, type RecordedString } from './pattern-probes.ts';

/** Diagnostics that mean the provider did not check the value (a group or key error of the argument). */
const NOT_VALIDATED = new Set(['Missing required argument', 'Conflicting configuration arguments', 'Invalid combination of arguments', 'Invalid or unknown key']);

/** Literal rejects of longer strings are not kept (the asset stays small; a literal only matches the exact string). */
const MAX_LITERAL_LENGTH = 256;

export function expandString(value: RecordedString): string {
  return typeof value === 'string' ? value : value.repeat.repeat(Math.ceil(value.length / value.repeat.length)).slice(0, value.length);
}

/** The keys a message names the probed argument by: its name, the SDK's flat key and the framework's path. */
export function probeKeys(record: Pick<PatternRecord, 'path' | 'elements'>): { name: string; flat: string; path: string } {
  const { path } = record;
  const name = path[path.length - 1] as string;
  const flat = [...path.slice(0, -1).flatMap((n) => [n, '0']), name, ...(record.elements ? ['0'] : [])].join('.');
  const framework = path.map((n, i) => (i < path.length - 1 ? `${n}[0]` : n)).join('.') + (record.elements ? '[0]' : '');
  return { name, flat, path: framework };
}

/** The answers of one record as observations of its custom messages (known general checks left out). */
export function observationsOf(record: PatternRecord): RuleObservation[] {
  const keys = probeKeys(record);
  const out: RuleObservation[] = [];
  for (const answer of record.answers) {
    const value = expandString(answer.value);
    const expand = (text: string) => (typeof answer.value === 'string' ? text : text.split(LONG_VALUE_LOWER).join(value.toLowerCase()).split(LONG_VALUE).join(value));
    const own = answer.diagnostics.filter((d) => d.severity === 'error' && isAbout(d, record.path));
    if (own.some((d) => NOT_VALIDATED.has(d.summary))) continue;
    const messages = own
      .map((d) => ({ summary: expand(d.summary), detail: expand(d.detail) }))
      .filter((m) => !classify({ ...m, value, name: keys.name, flatKey: keys.flat }));
    out.push({ value, messages });
  }
  return out;
}

/**
 * The recorded answers an inferred check does not reproduce (none, by construction): for every string, the check
 * fails exactly when the provider gave its message, with the provider's words.
 */
export function disagreements(checks: ValueCheck[], observations: RuleObservation[], keys: ReturnType<typeof probeKeys>): string[] {
  const out: string[] = [];
  for (const check of checks) {
    if (check.kind !== 'inferred') continue;
    for (const o of observations) {
      const failures = runValueCheck(check, o.value, keys);
      const drew = o.messages.some((m) => m.summary === failures[0]?.summary && m.detail === failures[0]?.detail);
      const shouldDraw = o.messages.some((m) => m.summary === renderTemplate(check.summary, o.value, keys) && m.detail === renderTemplate(check.detail, o.value, keys));
      if ((failures.length > 0) !== shouldDraw || (failures.length > 0 && !drew)) out.push(`${JSON.stringify(o.value.slice(0, 40))}: ${check.summary}`);
    }
  }
  return out;
}

/** Replaces a probed argument's literal check with the inferred checks and the literal rejects no rule fits. */
export function applyPatterns(argument: ArgumentChecks, record: PatternRecord): InferResult {
  const observations = observationsOf(record);
  const result = inferRules(observations, probeKeys(record));
  const wrong = disagreements(result.checks, observations, probeKeys(record));
  if (wrong.length > 0) throw new Error(`${record.type}.${record.path.join('.')}: inferred checks disagree with recorded answers: ${wrong.slice(0, 3).join('; ')}`);
  // The first round's literal rejects of values this round did not show the provider (its format probes, such as a
  // CIDR block with host bits set, and the long string) stay: only what was probed again is decided here.
  const observed = new Set(observations.map((o) => o.value));
  const previous = argument.checks.flatMap((c) => (c.kind === 'literal' ? c.rejects : [])).filter((r) => !observed.has(r.value));
  // Of this round's rejects that no rule explains, only strings a configuration could plausibly hold (ARNs, URLs,
  // e-mail addresses, times, paths) stay as literal checks: the generated character-class and length strings never
  // match real input, and keeping them made the asset 15 times larger (39 MB of JSON, +0.7 s on bench:scan's batch).
  const plausible = (value: string) => /[:/@]/.test(value);
  const literal = [...previous, ...result.literal.filter((r) => r.value.length <= MAX_LITERAL_LENGTH && plausible(r.value))];
  const checks: ValueCheck[] = argument.checks.filter((c) => c.kind !== 'literal');
  checks.push(...result.checks);
  if (literal.length > 0) checks.push({ kind: 'literal', rejects: literal });
  argument.checks = checks;
  if (record.elements) argument.elements = true;
  return result;
}
