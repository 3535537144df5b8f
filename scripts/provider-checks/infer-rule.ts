// Infers the rule behind a provider message that does not quote it (`invalid value for name (uppercase characters
// cannot be used)`) from the answers of the second probing round (scripts/probe-provider-patterns.ts): for each
// distinct message of an argument, the strings that drew it and the strings that did not. A rule is kept only when
// it reproduces every recorded answer exactly; where none fits, the argument keeps a literal check of the strings
// that drew the message (never a rule that contradicts an answer).
//
// Rules tried, in order:
//   values   the message lists allowed values (`Valid Values: [A B]`): exactly those are accepted
//   base64   exactly the strings Go's base64.StdEncoding decodes are accepted
//   chars    an allowed-character class, classes for the first and the last character, and length bounds:
//            the most permissive such rule that still rejects every string that drew the message, each
//            length bound pinned by two answers one character apart
import type { ValueCheck } from '../../src/schema/provider-checks/check-types.ts';
import { goQuote } from '../../src/core/go-quote.ts';
import { isStdBase64, renderTemplate, type TemplateKeys } from '../../src/validate/provider-checks/value-checks.ts';
import { CATEGORIES, categoryOf } from './pattern-probes.ts';

export type InferredCheck = Extract<ValueCheck, { kind: 'inferred' }>;

/** One string and the messages it drew for the argument (its own diagnostics that are no known general check). */
export interface RuleObservation {
  value: string;
  messages: Array<{ summary: string; detail: string }>;
}

export interface InferResult {
  /** Inferred checks, in the order their messages first appeared. */
  checks: InferredCheck[];
  /** Messages no rule fits: the strings that drew them, for a literal check. */
  literal: Array<{ value: string; summary: string; detail: string }>;
  /** Per message: which rule fitted, or why none did. */
  outcomes: Array<{ summary: string; detail: string; rule: 'values' | 'base64' | 'chars' | 'none'; positives: number }>;
}

/** A message as a template: the value, its quoted and lower-case forms and the argument's keys as placeholders. */
function makeTemplate(text: string, value: string, keys: TemplateKeys): string {
  let out = text;
  if (keys.flat !== keys.name && keys.flat !== '') out = out.split(keys.flat).join('{{flat}}');
  if (keys.path !== keys.name && keys.path !== '') out = out.split(keys.path).join('{{path}}');
  // Only a value long enough not to occur in the message's own words by chance becomes a placeholder.
  if (value.length >= 3) {
    out = out.split(goQuote(value)).join('{{quoted}}').split(value).join('{{value}}');
    if (value.toLowerCase() !== value) out = out.split(value.toLowerCase()).join('{{lower}}');
  }
  // A count of characters (`got: 5000`), when it names the value's length.
  const length = [...value].length;
  if (length >= 10) out = out.replace(new RegExp(`(?<![0-9.])${length}(?![0-9.])`, 'g'), '{{length}}');
  return out;
}

interface Features {
  length: number;
  /** The category of a one-character string. */
  single?: string;
  first?: string;
  last?: string;
  /** Categories of the characters between the first and the last. */
  inner: Set<string>;
}

function features(value: string): Features {
  const chars = [...value].map(categoryOf);
  const f: Features = { length: chars.length, inner: new Set(chars.slice(1, -1)) };
  if (chars.length === 1) f.single = chars[0];
  else if (chars.length > 1) {
    f.first = chars[0];
    f.last = chars[chars.length - 1];
  }
  return f;
}

/** `^(?:[single]|[first][inner]*[last])$` with length bounds, as sets of character categories. */
export interface CharRule {
  single: Set<string>;
  first: Set<string>;
  inner: Set<string>;
  last: Set<string>;
  min: number;
  max: number;
}

type Part = 'single' | 'first' | 'inner' | 'last';
const PARTS: Part[] = ['single', 'first', 'inner', 'last'];

/** Which parts of a rule a string breaks. */
function violations(rule: CharRule, f: Features): { length: boolean; chars: boolean } {
  const length = f.length < rule.min || f.length > rule.max;
  let chars = false;
  if (f.length === 1) chars = !rule.single.has(f.single as string);
  else if (f.length > 1) chars = !rule.first.has(f.first as string) || !rule.last.has(f.last as string) || ![...f.inner].every((c) => rule.inner.has(c));
  return { length, chars };
}

const accepts = (rule: CharRule, f: Features) => {
  const v = violations(rule, f);
  return !v.length && !v.chars;
};

const copyRule = (r: CharRule): CharRule => ({ ...r, single: new Set(r.single), first: new Set(r.first), inner: new Set(r.inner), last: new Set(r.last) });

/** The most permissive single / first / inner / last character and length rule that fits every answer, if any. */
export function inferCharRule(accepted: string[], rejected: string[]): CharRule | undefined {
  const ok = accepted.map(features);
  const bad = rejected.map(features);
  if (ok.filter((f) => f.length > 0).length < 3 || bad.length === 0) return undefined;
  const rule: CharRule = { single: new Set(), first: new Set(), inner: new Set(), last: new Set(), min: Infinity, max: 0 };
  for (const f of ok) {
    if (f.single) rule.single.add(f.single);
    if (f.first) rule.first.add(f.first);
    if (f.last) rule.last.add(f.last);
    for (const c of f.inner) rule.inner.add(c);
    rule.min = Math.min(rule.min, f.length);
    rule.max = Math.max(rule.max, f.length);
  }
  const fits = (r: CharRule) => bad.every((f) => !accepts(r, f));
  if (!fits(rule)) return undefined;
  // Widen the length bounds up to the nearest rejected string that breaks only them.
  const lengthOnly = bad.filter((f) => !violations(rule, f).chars);
  rule.min = Math.max(0, ...lengthOnly.filter((f) => f.length < rule.min).map((f) => f.length + 1));
  rule.max = Math.min(Infinity, ...lengthOnly.filter((f) => f.length > rule.max).map((f) => f.length - 1));
  // Allow every character category wherever no rejected string needs it excluded.
  for (const c of CATEGORIES) {
    for (const part of PARTS) {
      if (rule[part].has(c)) continue;
      const next = copyRule(rule);
      next[part].add(c);
      if (fits(next)) Object.assign(rule, next);
    }
  }
  // A length bound is kept only where two answers one character apart show it.
  const pinned = (inside: number, outside: number) =>
    ok.some((f) => f.length === inside) && bad.some((f) => f.length === outside && !violations(rule, f).chars);
  if (rule.min > 0 && !pinned(rule.min, rule.min - 1)) return undefined;
  if (rule.max < Infinity && !pinned(rule.max, rule.max + 1)) return undefined;
  return rule;
}

const CLASS_TEXT: Record<string, string> = { lower: 'a-z', upper: 'A-Z', digit: '0-9', control: '\\x00-\\x1F\\x7F', nonascii: '\\x{80}-\\x{10FFFF}' };

/** A set of categories as an RE2 character class (negated when that is shorter). */
function charClass(cats: Set<string>): string {
  const text = (list: readonly string[]) => list.map((c) => CLASS_TEXT[c] ?? `\\${c}`).join('');
  const excluded = CATEGORIES.filter((c) => !cats.has(c));
  if (excluded.length === 0) return '[\\x00-\\x{10FFFF}]';
  const positive = text(CATEGORIES.filter((c) => cats.has(c)));
  const negative = `^${text(excluded)}`;
  return `[${positive.length <= negative.length ? positive : negative}]`;
}

/** The rule as one anchored RE2 pattern plus length bounds. */
export function charRulePattern(rule: CharRule): { pattern: string; minLength?: number; maxLength?: number } {
  const alternatives: string[] = [];
  if (rule.min === 0) alternatives.push('');
  if (rule.single.size > 0) alternatives.push(charClass(rule.single));
  if (rule.first.size > 0 && rule.last.size > 0) alternatives.push(`${charClass(rule.first)}${rule.inner.size > 0 ? `${charClass(rule.inner)}*` : ''}${charClass(rule.last)}`);
  return {
    pattern: `^(?:${alternatives.join('|')})$`,
    ...(rule.min > 0 ? { minLength: rule.min } : {}),
    ...(rule.max < Infinity ? { maxLength: rule.max } : {}),
  };
}

/** The allowed values a framework enum message names. */
function listedValues(detail: string): string[] | undefined {
  const m = /\nValid Values: \[([^\]\n]*)\]/.exec(detail);
  return m ? (m[1] as string).split(' ').filter(Boolean) : undefined;
}

/**
 * The rules behind an argument's custom messages. `observations` are every string the argument was shown (only
 * those its value checks ran for) with the messages it drew; `keys` name the argument as in the probes.
 */
export function inferRules(observations: RuleObservation[], keys: TemplateKeys): InferResult {
  interface Template {
    summary: string;
    detail: string;
    positives: Set<string>;
  }
  const templates: Template[] = [];
  const order = new Map<Template, number>();
  // Distinctive strings first, so that templates take the value as a placeholder where the message quotes it.
  // (and among them those with capitals: a message may quote the value in lower case)
  // Strings too short to become a placeholder come last, so that they meet the templates the others made.
  // Strings of ten characters or more first: only those make a `{{length}}` placeholder.
  const plain = (v: string) => Number(v.length < 3) * 8 + Number(v.length < 6) * 4 + Number(v.length < 10) * 2 + Number(v.toLowerCase() === v);
  const ranked = observations.map((o, i) => ({ o, i })).sort((a, b) => plain(a.o.value) - plain(b.o.value) || a.i - b.i);
  for (const { o, i } of ranked) {
    for (const m of o.messages) {
      let t = templates.find((t) => renderTemplate(t.summary, o.value, keys) === m.summary && renderTemplate(t.detail, o.value, keys) === m.detail);
      if (!t) {
        // A message that quotes control or non-ASCII characters byte by byte (Go's time package): the same template.
        const rendersAll = (c: Template) =>
          [...c.positives, o.value].every((v) => {
            const message = v === o.value ? m : observations.find((x) => x.value === v)?.messages.find((x) => renderTemplate(c.summary, v, keys) === x.summary && renderTemplate(c.detail, v, keys) === x.detail);
            return message !== undefined && renderTemplate(c.summary, v, keys) === message.summary && renderTemplate(c.detail, v, keys) === message.detail;
          });
        for (const candidate of templates) {
          if (t || !(candidate.summary + candidate.detail).includes('{{quoted}}')) continue;
          const bytes = { ...candidate, summary: candidate.summary.split('{{quoted}}').join('{{bytes}}'), detail: candidate.detail.split('{{quoted}}').join('{{bytes}}') };
          if (rendersAll(bytes)) {
            Object.assign(candidate, { summary: bytes.summary, detail: bytes.detail });
            t = candidate;
          }
        }
      }
      if (!t) {
        t = { summary: makeTemplate(m.summary, o.value, keys), detail: makeTemplate(m.detail, o.value, keys), positives: new Set() };
        if (renderTemplate(t.summary, o.value, keys) !== m.summary || renderTemplate(t.detail, o.value, keys) !== m.detail) {
          t = { summary: m.summary, detail: m.detail, positives: new Set() };
        }
        templates.push(t);
      }
      t.positives.add(o.value);
      order.set(t, Math.min(order.get(t) ?? Infinity, i));
    }
  }
  templates.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  // A message a later template also renders (a constant text that equals a placeholder's rendering) is that
  // template's answer too: every template's strings are all those with a message it renders.
  for (const t of templates) {
    for (const o of observations) {
      if (o.messages.some((m) => renderTemplate(t.summary, o.value, keys) === m.summary && renderTemplate(t.detail, o.value, keys) === m.detail)) t.positives.add(o.value);
    }
  }
  const result: InferResult = { checks: [], literal: [], outcomes: [] };
  const values = [...new Set(observations.map((o) => o.value))];
  for (const t of templates) {
    const rejected = values.filter((v) => t.positives.has(v));
    const accepted = values.filter((v) => !t.positives.has(v));
    const message = { summary: t.summary, detail: t.detail };
    const agrees = (accepts: (v: string) => boolean) => values.every((v) => accepts(v) === !t.positives.has(v));
    const listed = listedValues(t.detail);
    let check: InferredCheck | undefined;
    let rule: InferResult['outcomes'][number]['rule'] = 'none';
    // A framework enum of an optional string accepts "" too (recorded, never assumed).
    const allowed = listed && (accepted.includes('') ? [...listed, ''] : listed);
    if (allowed && accepted.length > 0 && agrees((v) => allowed.includes(v))) {
      check = { kind: 'inferred', values: allowed, ...message };
      rule = 'values';
    } else if (accepted.length >= 3 && agrees(isStdBase64)) {
      check = { kind: 'inferred', format: 'base64', ...message };
      rule = 'base64';
    } else if (!(rejected.length === 1 && rejected[0] !== '' && !`${t.summary}${t.detail}`.includes('{{'))) {
      // (a fixed text drawn by one non-empty string is a message about that string, not a rule)
      const chars = inferCharRule(accepted, rejected);
      if (chars) {
        check = { kind: 'inferred', ...charRulePattern(chars), ...message };
        rule = 'chars';
      }
    }
    result.outcomes.push({ ...message, rule, positives: rejected.length });
    if (check) result.checks.push(check);
    else for (const v of rejected) result.literal.push({ value: v, summary: renderTemplate(t.summary, v, keys), detail: renderTemplate(t.detail, v, keys) });
  }
  return result;
}
