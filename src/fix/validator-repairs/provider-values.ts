import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';
import type { Body } from '../../hcl/ast.ts';
import { blockChainAt } from '../locate.ts';
import { aloneOnLines, lineSpan, sliceBytes } from '../source-edit.ts';
import { editDistance } from '../../validate/did-you-mean.ts';
import type { RepairContext, ValidatorRepairRule } from '../repair.ts';
import { diagnosticsWithCode, replaceRange, textAt, validatorRepair } from '../repair-helpers.ts';

type ProviderDiagnostic = Diagnostic & { range: SourceRange };

/** The provider's own argument checks that point at a value written as a literal here (not a reference or an expression). */
function providerChecks(context: RepairContext): ProviderDiagnostic[] {
  return diagnosticsWithCode(context, 'provider-check');
}

/**
 * The literal a provider diagnostic is about: where it points, when that is the literal; else (Terraform points at
 * a block's brace when the argument's path goes through a set of blocks) the one argument at the message's flat key
 * (`setting.0.resource_type`) under the resource whose text is that literal. Undefined when there is not exactly one.
 */
function literalRange(context: RepairContext, d: ProviderDiagnostic, literal: string): SourceRange | undefined {
  if (textAt(context, d.range).trim() === literal) return d.range;
  const key = /^expected (?:length of |value of )?([\w.]+) to be /.exec(d.summary.trim())?.[1];
  const file = context.files.get(d.range.filename);
  const resource = file ? blockChainAt(file.body, d.range.start.byte)[0] : undefined;
  if (!key || !resource) return undefined;
  const names = key.split('.').filter((step) => !/^\d+$/.test(step));
  let bodies: Body[] = [resource.body];
  for (const name of names.slice(0, -1)) bodies = bodies.flatMap((b) => b.blocks.filter((child) => child.type === name).map((child) => child.body));
  const matching = (b: Body) => b.attributes.filter((a) => a.name === names.at(-1) && textAt(context, a.expr.range).trim() === literal);
  let found = bodies.flatMap(matching);
  // Some provider messages name only the argument (`expected type to be ...` for a nested block's `type`).
  if (found.length === 0 && names.length === 1) found = nestedBodies(resource.body).flatMap(matching);
  return found.length === 1 ? found[0]!.expr.range : undefined;
}

function nestedBodies(body: Body, depth = 0): Body[] {
  return depth > 32 ? [] : body.blocks.flatMap((b) => [b.body, ...nestedBodies(b.body, depth + 1)]);
}

/** The provider's message, whichever SDK wrote it (SDKv2 puts it in the summary, the plugin framework in the detail). */
const messageOf = (d: Diagnostic) => `${d.summary} ${d.detail}`;

/** The items of a Go-quoted list: `["a" "b"]`. */
function goQuotedItems(list: string): string[] {
  return [...list.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string);
}

/** Letter case, `-`/`_`/`.`/spaces ignored: `GP_2` and `gp2` are the same value written differently. */
const canonical = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '');

/**
 * The one allowed value the given one is a misspelling of: equal but for letter case and separators, else equal
 * without a trailing plural `s`, else the only value within two edits (of values at least four characters long), else
 * the only value it is followed by further words (`-enabled`). Undefined when there is none or more than one.
 */
export function closestAllowedValue(given: string, allowed: readonly string[]): string | undefined {
  const unique = (candidates: string[]) => (new Set(candidates).size === 1 ? candidates[0] : undefined);
  const same = allowed.filter((v) => canonical(v) === canonical(given));
  if (same.length > 0) return unique(same);
  if (/s$/i.test(given)) {
    const singular = allowed.filter((v) => canonical(v) === canonical(given.slice(0, -1)));
    if (singular.length > 0) return unique(singular);
  }
  if (given.length >= 4) {
    const near = allowed.filter((v) => v.length >= 4 && editDistance(given.toLowerCase(), v.toLowerCase()) <= 2);
    if (near.length > 0) return unique(near);
  }
  // An allowed value with words appended (`Allow-enabled`, `gp3_volume`): the one value it starts with, whole words.
  const qualified = allowed.filter((v) => given.length > v.length + 1 && canonical(given.slice(0, v.length)) === canonical(v) && /^[-_.]\w/.test(given.slice(v.length)));
  return unique(qualified);
}

/** The allowed value list and the value given, from an allowed-values message (both SDKs). */
function parseAllowedValues(message: string): { allowed: string[]; got: string } | undefined {
  const framework = /value must be one of: (\[.*\]), got: ("(?:[^"\\]|\\.)*")/.exec(message);
  if (framework) return { allowed: goQuotedItems(framework[1]!), got: JSON.parse(framework[2]!) as string };
  const sdk = /^expected .+ to be one of (\[(?:"(?:[^"\\]|\\.)*" ?)*\]), got (.*)$/.exec(message.split('\n')[0]!.trim());
  if (sdk) return { allowed: goQuotedItems(sdk[1]!), got: sdk[2]! };
  return undefined;
}

/** `expected x to be one of ["a" "b"], got A`: a string literal with one close allowed value gets that value. */
export const replaceDisallowedValue: ValidatorRepairRule = {
  kind: 'replace-disallowed-value',
  summary: "a string the provider does not allow, with one allowed value it misspells (letter case, `-` for `_`, a plural, up to two edits), gets that value",
  propose(context) {
    return providerChecks(context).flatMap((d) => {
      const parsed = parseAllowedValues(messageOf(d).trim()) ?? parseAllowedValues(d.summary);
      const range = parsed && literalRange(context, d, JSON.stringify(parsed.got));
      if (!parsed || !range) return [];
      const to = closestAllowedValue(parsed.got, parsed.allowed);
      if (to === undefined || to === parsed.got) return [];
      return [validatorRepair('replace-disallowed-value', d, `replace ${JSON.stringify(parsed.got)} by the allowed value ${JSON.stringify(to)}`, [replaceRange(range, JSON.stringify(to))])];
    });
  },
};

/** `"10.0.1.0/16" is not a valid IPv4 CIDR block; did you mean "10.0.0.0/16"?`: the network address the provider names. */
export const useCidrNetworkAddress: ValidatorRepairRule = {
  kind: 'cidr-network-address',
  summary: 'a CIDR block with host bits set becomes the network address the provider suggests (`10.0.1.0/16` → `10.0.0.0/16`)',
  propose(context) {
    return providerChecks(context).flatMap((d) => {
      const summary = d.summary.trim();
      // SDK helpers word it two ways: `"x" is not a valid IPv4 CIDR block; did you mean "y"?` and
      // `expected k to contain a valid network Value, expected y, got x`.
      const suggested = /^("(?:[^"\\]|\\.)*") is not a valid (?:IPv4 |IPv6 )?CIDR block; did you mean ("(?:[^"\\]|\\.)*")\?$/.exec(summary);
      const network = /^expected [\w.]+ to contain a valid network Value, expected (\S+), got (\S+)$/.exec(summary);
      const match = suggested ? [suggested[1]!, suggested[2]!] : network ? [JSON.stringify(network[2]), JSON.stringify(network[1])] : undefined;
      const range = match && literalRange(context, d, match[0]!);
      if (!match || !range) return [];
      const to = match[1]!;
      return [validatorRepair('cidr-network-address', d, `use the network address ${to} instead of ${match[0]}`, [replaceRange(range, to)], `the host bits of ${match[0]} were cleared: check that ${to} is the network you meant`)];
    });
  },
};

/** The bounds a range message states (both SDKs), and the value given. */
function parseRange(message: string): { min?: number; max?: number; got: number } | undefined {
  const num = '(-?\\d+(?:\\.\\d+)?)';
  const patterns: Array<[RegExp, (m: RegExpExecArray) => { min?: number; max?: number }]> = [
    [new RegExp(`to be in the range \\(${num} - ${num}\\), got ${num}$`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
    [new RegExp(`to be at least \\(${num}\\), got ${num}$`), (m) => ({ min: Number(m[1]) })],
    [new RegExp(`to be at most \\(${num}\\), got ${num}$`), (m) => ({ max: Number(m[1]) })],
    [new RegExp(`value must be between ${num} and ${num}, got: ${num}$`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
    [new RegExp(`value must be at least ${num}, got: ${num}$`), (m) => ({ min: Number(m[1]) })],
    [new RegExp(`value must be at most ${num}, got: ${num}$`), (m) => ({ max: Number(m[1]) })],
  ];
  for (const [pattern, bounds] of patterns) {
    const m = pattern.exec(message);
    if (m) return { ...bounds(m), got: Number(m[m.length - 1]) };
  }
  return undefined;
}

/**
 * `expected x to be in the range (1 - 35), got 36`, or one of a list of whole numbers: a number literal outside
 * becomes the nearest value the provider accepts (a bound, or the one closest allowed number; none on a tie).
 */
export const nearestAllowedNumber: ValidatorRepairRule = {
  kind: 'nearest-allowed-number',
  summary: 'a number outside the range the provider accepts becomes the nearest bound; one not in its list of allowed numbers, the one nearest to it (none on a tie)',
  propose(context) {
    return providerChecks(context).flatMap((d) => {
      const message = messageOf(d).trim();
      let to: number | undefined;
      let got: number | undefined;
      const range = parseRange(d.summary.trim()) ?? parseRange(d.detail.trim());
      const list = /to be one of \[((?:-?\d+ ?)+)\], got (-?\d+)$/.exec(message);
      if (range) {
        got = range.got;
        if (range.min !== undefined && got < range.min) to = range.min;
        else if (range.max !== undefined && got > range.max) to = range.max;
      } else if (list) {
        got = Number(list[2]);
        const allowed = list[1]!.trim().split(/\s+/).map(Number);
        const distance = Math.min(...allowed.map((v) => Math.abs(v - got!)));
        const nearest = allowed.filter((v) => Math.abs(v - got!) === distance);
        if (nearest.length === 1) to = nearest[0];
      }
      const target = got === undefined ? undefined : literalRange(context, d, String(got));
      if (to === undefined || got === undefined || !target) return [];
      return [validatorRepair('nearest-allowed-number', d, `replace ${got} by ${to}, the nearest value the provider accepts`, [replaceRange(target, String(to))], `${got} became ${to}: check that it still says what you meant`)];
    });
  },
};

/**
 * `"x": all of \`x,y\` must be specified` where x is the only one of the group given: x is removed (its text kept in
 * the note), since giving the others would mean inventing their values. Only for a top-level argument alone on its lines.
 */
export const removeArgumentMissingCompanions: ValidatorRepairRule = {
  kind: 'remove-argument-missing-companions',
  summary: 'an argument the provider accepts only together with others, given alone (none of the others set), is removed (its text is kept in the note)',
  propose(context) {
    return providerChecks(context).flatMap((d) => {
      const match = /^"([\w]+)": all of `([\w,]+)` must be specified$/.exec(d.detail.trim());
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      if (d.summary !== 'Missing required argument' || !match || !file || !source) return [];
      const [, name, group] = match as unknown as [string, string, string];
      const resource = blockChainAt(file.body, d.range.start.byte)[0];
      const attribute = resource?.body.attributes.find((a) => a.name === name && a.expr.range.start.byte === d.range.start.byte);
      if (!resource || !attribute) return [];
      const present = new Set([...resource.body.attributes.map((a) => a.name), ...resource.body.blocks.map((b) => b.type)]);
      if (group.split(',').some((member) => member !== name && present.has(member))) return [];
      const { range } = attribute;
      if (!aloneOnLines(source, range.start.byte, range.end.byte)) return [];
      const [start, end] = lineSpan(source, range.start.byte, range.end.byte);
      const text = sliceBytes(source, range.start.byte, range.end.byte).replace(/\s+/g, ' ');
      const others = group.split(',').filter((m) => m !== name).join(', ');
      return [
        validatorRepair('remove-argument-missing-companions', d, `remove "${name}", which the provider accepts only with ${others}`, [{ file: d.range.filename, start, end, text: '' }], `removed \`${text.length > 80 ? `${text.slice(0, 80)}...` : text}\` from ${resource.labels.join('.')}: it needs ${others}, which are not set (set them and put it back if you meant it)`),
      ];
    });
  },
};
