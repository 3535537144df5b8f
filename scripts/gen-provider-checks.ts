// Derives the provider-checks asset (assets/schemas/aws-5.100.0.checks.jsonl.gz) from the recorded answers of
// the real provider (bench/baselines/provider-checks/aws-5.100.0.probes.jsonl.gz, made by
// scripts/probe-provider-checks.ts). For each probe the diagnostics the probed argument caused (its answer
// minus the answer for the same blocks without it) are read as the provider's checks of that argument:
// allowed values (with their case sensitivity), lengths, ranges, formats, list sizes, deprecation, and the
// argument groups (conflicts, exactly one of, at least one of, required with).
//
// Arguments the first round saw only through a custom message were shown designed strings in a second round
// (scripts/probe-provider-patterns.ts, bench/baselines/provider-checks/aws-5.100.0.pattern-probes.jsonl.gz): their
// checks are the rules inferred from those answers (scripts/provider-checks/apply-patterns.ts).
//
//   tsx scripts/gen-provider-checks.ts [--probes file] [--patterns file] [--out file] [--stats]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { gzipIndexPath, writeIndexedGzip } from '../src/core/indexed-gzip.ts';
import { checksLineKey } from '../src/schema/provider-checks/bundled-checks.ts';
import type { ArgumentChecks, TypeChecks, ValueCheck } from '../src/schema/provider-checks/check-types.ts';
import type { PathStep, PluginDiagnostic, WireValue } from './provider-checks/plugin-client.ts';
import { applyPatterns } from './provider-checks/apply-patterns.ts';
import { classify } from './provider-checks/classify.ts';
import { PATTERN_PROBES_FILE, readPatternRecords, type PatternRecord } from './provider-checks/pattern-probes.ts';
import type { ProbeRecord } from './probe-provider-checks.ts';

const PROBES = 'bench/baselines/provider-checks/aws-5.100.0.probes.jsonl.gz';
export const CHECKS_ASSET = 'assets/schemas/aws-5.100.0.checks.jsonl.gz';
const LONG_MARKER = '<long:5000>';

const diagnosticKey = (d: PluginDiagnostic) => `${d.severity}|${d.summary}|${d.detail}|${JSON.stringify(d.path ?? [])}`;

/** Diagnostics of `answer` that `baseline` does not have (multiset difference). */
function caused(answer: PluginDiagnostic[], baseline: PluginDiagnostic[] | undefined): PluginDiagnostic[] {
  const remaining = new Map<string, number>();
  for (const d of baseline ?? []) remaining.set(diagnosticKey(d), (remaining.get(diagnosticKey(d)) ?? 0) + 1);
  return answer.filter((d) => {
    const key = diagnosticKey(d);
    const n = remaining.get(key) ?? 0;
    if (n > 0) {
      remaining.set(key, n - 1);
      return false;
    }
    return true;
  });
}

const namesOf = (path: PathStep[] | undefined) => (path ?? []).flatMap((s) => ('attribute' in s ? [s.attribute] : []));
const patternOf = (path: PathStep[] | undefined) => (path ?? []).map((s) => ('attribute' in s ? s.attribute : '*'));

/** The SDK flat key of a probed argument: every enclosing block and list element at index 0. */
function flatKeyOf(path: string[], elementIndex: boolean): string {
  return [...path.slice(0, -1).flatMap((name) => [name, '0']), path[path.length - 1], ...(elementIndex ? ['0'] : [])].join('.');
}

function stringForm(value: WireValue | undefined): string | undefined {
  if (typeof value === 'string') return value === LONG_MARKER ? LONG_MARKER : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

const GROUP_DETAIL = /^"([^"]+)": (one of|all of|only one of) `([^`]+)` (must be specified|can be specified, but `[^`]+` were specified\.)$/;

function sameCheck(a: ValueCheck, b: ValueCheck): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function deriveChecks(records: ProbeRecord[], patterns: PatternRecord[] = []): { types: TypeChecks[]; stats: Map<string, number> } {
  const patternsByType = new Map<string, PatternRecord[]>();
  for (const p of patterns) patternsByType.set(`${p.mode} ${p.type}`, [...(patternsByType.get(`${p.mode} ${p.type}`) ?? []), p]);
  const stats = new Map<string, number>();
  const count = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);
  const byType = new Map<string, ProbeRecord[]>();
  for (const r of records) {
    const key = `${r.mode} ${r.type}`;
    const list = byType.get(key) ?? [];
    list.push(r);
    byType.set(key, list);
  }
  const types: TypeChecks[] = [];
  for (const list of byType.values()) {
    const first = list[0] as ProbeRecord;
    const baselines = new Map<string, PluginDiagnostic[]>();
    for (const r of list) {
      if (r.kind === 'minimal') baselines.set('', r.diagnostics);
      if (r.kind === 'block') baselines.set(JSON.stringify(r.blocks[0]), r.diagnostics);
    }
    const args = new Map<string, ArgumentChecks>();
    const arg = (path: string[]): ArgumentChecks => {
      const key = path.join('.');
      let entry = args.get(key);
      if (!entry) args.set(key, (entry = { path, checks: [] }));
      return entry;
    };
    const byFlatKey = (flat: string): ArgumentChecks => arg(flat.split('.').filter((p) => !/^\d+$/.test(p)));
    let framework = false;
    const deprecatedBlocks: Array<{ path: string[]; message: string }> = [];
    const groups = (diagnostics: PluginDiagnostic[]) => {
      for (const d of diagnostics) {
        const m = GROUP_DETAIL.exec(d.detail);
        if (!m) continue;
        const [, key, how, keys] = m as unknown as [string, string, string, string];
        const members = keys.split(',');
        const entry = byFlatKey(key);
        if (d.summary === 'Invalid combination of arguments') entry.exactlyOneOf = members;
        else if (d.summary === 'Missing required argument' && how === 'one of') entry.atLeastOneOf = members;
        else if (d.summary === 'Missing required argument' && how === 'all of') entry.requiredWith = members;
        else continue;
        count(`group ${d.summary} ${how}`);
      }
      for (const d of diagnostics) {
        const m = /^"([^"]+)": conflicts with (\S+)$/.exec(d.detail);
        if (!m || d.summary !== 'Conflicting configuration arguments') continue;
        const entry = byFlatKey(m[1] as string);
        entry.conflictsWith ??= [];
        if (!entry.conflictsWith.includes(m[2] as string)) entry.conflictsWith.push(m[2] as string);
      }
    };
    const all = list.find((r) => r.kind === 'all');
    if (all) groups(all.diagnostics);
    for (const r of list) {
      if (r.kind === 'minimal' || r.kind === 'block' || r.kind === 'pair') groups(r.diagnostics);
      if (r.kind === 'block') {
        const blockPath = r.blocks[0] as string[];
        for (const d of caused(r.diagnostics, baselines.get(blockPath.length > 1 ? JSON.stringify(blockPath.slice(0, -1)) : ''))) {
          if (d.severity === 'warning' && d.summary === 'Argument is deprecated' && namesOf(d.path).join('.') === blockPath.join('.')) {
            deprecatedBlocks.push({ path: blockPath, message: d.detail });
          }
        }
      }
      if (r.kind !== 'value' && r.kind !== 'case' && r.kind !== 'format') continue;
      const target = r.set[0];
      if (!target) continue;
      const blocksKey = (r.blocks[0] ?? []).length === 0 ? '' : JSON.stringify(r.blocks[0]);
      const effects = caused(r.diagnostics, baselines.get(blocksKey));
      groups(effects);
      const isList = Array.isArray(target.value);
      // The long list probe (recorded as `<list:N>`) only tells the maximum number of items.
      const longList = isList && typeof (target.value as WireValue[])[0] === 'string' && /^<list:\d+>$/.test((target.value as string[])[0] as string);
      const values: WireValue[] = isList ? (target.value as WireValue[]) : [target.value];
      const entry = arg(target.path);
      if (r.kind === 'case') {
        const enumCheck = entry.checks.find((c) => c.kind === 'enum');
        if (enumCheck && enumCheck.kind === 'enum' && !effects.some((d) => d.summary.includes('to be one of') || d.summary === 'Invalid Attribute Value Match')) {
          enumCheck.ignoreCase = true;
          count('enum ignore case');
        }
        continue;
      }
      for (const d of effects) {
        if (GROUP_DETAIL.test(d.detail) || d.summary === 'Conflicting configuration arguments' || d.summary === 'Invalid or unknown key') continue;
        const names = namesOf(d.path);
        const pathPattern = patternOf(d.path);
        // A diagnostic about this argument: its own path, or a prefix of it (paths into sets are truncated).
        const own = names.join('.') === target.path.join('.') || (names.length < target.path.length && target.path.join('.').startsWith(`${names.join('.')}.`));
        if (!own) continue;
        if (d.severity === 'warning' && d.summary === 'Argument is deprecated') {
          entry.deprecated = d.detail;
          count('deprecated');
          continue;
        }
        let m: RegExpExecArray | null;
        if (d.summary === 'Not enough list items' && (m = /requires (\d+) item minimum/.exec(d.detail))) {
          entry.minItems = Number(m[1]);
          count('min items');
          continue;
        }
        if (d.summary === 'Too many list items' && (m = /supports (\d+) item maximum/.exec(d.detail))) {
          entry.maxItems = Number(m[1]);
          count('max items');
          continue;
        }
        if (longList) continue;
        if (/^Invalid Attribute|^Missing Attribute Configuration|^Invalid Attribute Combination/.test(d.summary)) framework = true;
        // Which probe value: the one the message quotes (list probes set one element at a time in practice).
        const value = values.map((v) => stringForm(v)).find((v) => v !== undefined && (d.summary.includes(v) || d.detail.includes(v))) ?? stringForm(values[0] ?? null);
        if (value === undefined) continue;
        const name = target.path[target.path.length - 1] as string;
        const check = classify({ summary: d.summary, detail: d.detail, value, name, flatKey: flatKeyOf(target.path, isList) });
        const natural = [...target.path.slice(0, -1).flatMap((n) => [n, '*']), name];
        const reported = pathPattern.join('.');
        if (reported !== natural.join('.')) entry.reportPath = pathPattern;
        if (isList) entry.elements = true;
        if (check) {
          if (!entry.checks.some((c) => sameCheck(c, check))) entry.checks.push(check);
          count(`check ${check.kind}`);
        } else {
          let literal = entry.checks.find((c) => c.kind === 'literal');
          if (!literal) entry.checks.push((literal = { kind: 'literal', rejects: [] }));
          if (literal.kind === 'literal' && !literal.rejects.some((x) => x.value === value && x.summary === d.summary)) literal.rejects.push({ value, summary: d.summary, detail: d.detail });
          count('literal');
        }
      }
    }
    // A CIDR check of one address family shows its family only on the format probes.
    for (const entry of args.values()) {
      if (entry.checks.some((c) => c.kind === 'cidr' && c.family !== 'any')) entry.checks = entry.checks.filter((c) => !(c.kind === 'cidr' && c.family === 'any'));
    }
    for (const record of patternsByType.get(`${first.mode} ${first.type}`) ?? []) {
      const result = applyPatterns(arg(record.path), record);
      count('pattern-probed arguments');
      if (result.outcomes.length === 0) count('pattern-probed arguments without a custom message');
      else if (result.outcomes.every((o) => o.rule !== 'none')) count('pattern-probed arguments with every custom message inferred');
      else if (result.outcomes.some((o) => o.rule !== 'none')) count('pattern-probed arguments with some custom messages inferred');
      else count('pattern-probed arguments kept literal');
      for (const o of result.outcomes) count(`custom message rule ${o.rule}`);
    }
    const argumentsList = [...args.values()].filter(
      (a) => a.checks.length > 0 || a.deprecated || a.requiredWith || a.conflictsWith || a.exactlyOneOf || a.atLeastOneOf || a.minItems || a.maxItems,
    );
    if (argumentsList.length === 0 && deprecatedBlocks.length === 0) continue;
    types.push({ mode: first.mode, type: first.type, ...(framework ? { framework } : {}), arguments: argumentsList, ...(deprecatedBlocks.length ? { deprecatedBlocks } : {}) });
  }
  return { types, stats };
}

function main(): void {
  const argv = process.argv.slice(2);
  const probesFile = argv.includes('--probes') ? (argv[argv.indexOf('--probes') + 1] as string) : PROBES;
  const outFile = argv.includes('--out') ? (argv[argv.indexOf('--out') + 1] as string) : CHECKS_ASSET;
  const records = gunzipSync(readFileSync(probesFile))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbeRecord);
  const patternsFile = argv.includes('--patterns') ? (argv[argv.indexOf('--patterns') + 1] as string) : PATTERN_PROBES_FILE;
  const patterns = existsSync(patternsFile) ? readPatternRecords(patternsFile) : [];
  const { types, stats } = deriveChecks(records, patterns);
  types.sort((a, b) => (a.mode === b.mode ? (a.type < b.type ? -1 : 1) : a.mode === 'managed' ? -1 : 1));
  // Indexed gzip members (src/core/indexed-gzip.ts): validation inflates only the checks of the types it meets.
  const { gz, index } = writeIndexedGzip(types.map((t) => JSON.stringify(t)), checksLineKey);
  writeFileSync(outFile, gz);
  writeFileSync(gzipIndexPath(outFile), `${JSON.stringify(index)}\n`);
  process.stdout.write(`wrote ${outFile}: ${types.length} types with checks\n`);
  if (argv.includes('--stats')) for (const [key, n] of [...stats.entries()].sort()) process.stdout.write(`  ${key}: ${n}\n`);
}

if (process.argv[1]?.endsWith('gen-provider-checks.ts')) main();
