// Second probing round of the aws provider's own argument checks. The first round
// (scripts/probe-provider-checks.ts) shows every argument three strings; where the provider rejected one with a
// message of its own (`invalid value for name (uppercase characters cannot be used)`, a framework validator's
// custom detail) rather than a standard one that quotes its rule, the first round knows only that this exact
// string is rejected. This round shows exactly those arguments (and string arguments whose value the provider
// checks only together with their required-with partners) the designed strings of
// scripts/provider-checks/pattern-probes.ts through the same ValidateResourceTypeConfig /
// ValidateDataSourceConfig calls, and records every answer in
// bench/baselines/provider-checks/aws-5.100.0.pattern-probes.jsonl.gz (one line per argument: the answer without
// the argument, then each string with the diagnostics it added). scripts/gen-provider-checks.ts infers rules
// from it (scripts/provider-checks/infer-rule.ts).
//
//   tsx scripts/probe-provider-patterns.ts [--provider <binary>] [--types t1,t2] [--out file] [--jobs 2] [--missing]
//
// About 2,400 arguments and 450,000 calls: ~10 minutes on a quiet 2-core machine. Offline, no credentials.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadBundledSchemas } from '../src/schema/bundled.ts';
import type { ArgumentChecks } from '../src/schema/provider-checks/check-types.ts';
import type { SchemaBlock } from '../src/schema/provider-schema.ts';
import { deriveChecks } from './gen-provider-checks.ts';
import { PROBES_FILE, providerBinary, type ProbeRecord } from './probe-provider-checks.ts';
import { PluginClient, type PluginDiagnostic, type WireValue } from './provider-checks/plugin-client.ts';
import { PATTERN_PROBES_FILE, readPatternRecords, LONG_VALUE, LONG_VALUE_LOWER, enumProbes, isAbout, runPatternPlan, type PatternRecord, type RecordedString } from './provider-checks/pattern-probes.ts';
import { classify } from './provider-checks/classify.ts';
import { PROBE_STRING, buildConfig, findEntry, probeValues, type SchemaPath } from './provider-checks/probe-plan.ts';


const diagnosticKey = (d: PluginDiagnostic) => `${d.severity}|${d.summary}|${d.detail}|${JSON.stringify(d.path ?? [])}`;

/** Diagnostics of `answer` that `baseline` does not have (multiset difference). */
export function added(answer: PluginDiagnostic[], baseline: PluginDiagnostic[]): PluginDiagnostic[] {
  const remaining = new Map<string, number>();
  for (const d of baseline) remaining.set(diagnosticKey(d), (remaining.get(diagnosticKey(d)) ?? 0) + 1);
  return answer.filter((d) => {
    const n = remaining.get(diagnosticKey(d)) ?? 0;
    if (n > 0) remaining.set(diagnosticKey(d), n - 1);
    return n === 0;
  });
}

function compactString(value: string): RecordedString {
  if (value.length <= 256) return value;
  for (let period = 1; period <= 16; period++) {
    const repeat = value.slice(0, period);
    if (repeat.repeat(Math.ceil(value.length / period)).slice(0, value.length) === value) return { repeat, length: value.length };
  }
  return value;
}

function compactText(text: string, value: string): string {
  if (value.length <= 256) return text;
  return text.split(value).join(LONG_VALUE).split(value.toLowerCase()).join(LONG_VALUE_LOWER);
}

const isStringType = (type: unknown) => type === 'string';
const isStringCollection = (type: unknown) => Array.isArray(type) && (type[0] === 'list' || type[0] === 'set') && type[1] === 'string';

/** Diagnostics about an argument that are not a check of its value. */
const NOT_A_VALUE_CHECK = new Set(['Missing required argument', 'Conflicting configuration arguments', 'Invalid combination of arguments', 'Invalid or unknown key']);

/**
 * Types whose schema has more nodes than this are left out: the provider takes ~0.2 s to validate one of their
 * configurations (the QuickSight analysis/dashboard/template and WAFv2 web ACL/rule group schemas, 15,000-21,000
 * attributes and blocks each; the next largest has ~2,100), so their arguments keep the first round's literal checks.
 */
export const MAX_SCHEMA_NODES = 10_000;

export function schemaNodes(block: SchemaBlock, depth = 0): number {
  if (depth > 40) return 0;
  return Object.keys(block.attributes ?? {}).length + Object.values(block.block_types ?? {}).reduce((n, b) => n + 1 + schemaNodes(b.block, depth + 1), 0);
}

/** The arguments to probe: string arguments with a literal check (a rejected string), or with a required-with group. */
export function patternTargets(records: ProbeRecord[], schemaOf: (mode: 'managed' | 'data', type: string) => SchemaBlock | undefined): Array<{ mode: 'managed' | 'data'; type: string; argument: ArgumentChecks }> {
  const { types } = deriveChecks(records);
  const out: Array<{ mode: 'managed' | 'data'; type: string; argument: ArgumentChecks }> = [];
  for (const t of types) {
    const schema = schemaOf(t.mode, t.type);
    if (!schema || schemaNodes(schema) > MAX_SCHEMA_NODES) continue;
    for (const argument of t.arguments) {
      const literal = argument.checks.find((c) => c.kind === 'literal');
      const rejectsString = literal?.kind === 'literal' && literal.rejects.some((r) => r.value === '' || r.value === 'iacpac_Probe-1' || r.value === '<long:5000>');
      if (rejectsString || argument.requiredWith) out.push({ mode: t.mode, type: t.type, argument });
    }
  }
  // A required argument's own message for the first round's filler shows in every probe of its type or block
  // (the minimal and block baselines), so the first round's difference never attributes it: probe those too.
  const seen = new Set(out.map((t) => `${t.mode} ${t.type} ${t.argument.path.join('.')}`));
  for (const r of records) {
    if (r.kind !== 'minimal' && r.kind !== 'block') continue;
    const schema = schemaOf(r.mode, r.type);
    if (!schema || schemaNodes(schema) > MAX_SCHEMA_NODES) continue;
    for (const d of r.diagnostics) {
      if (d.severity !== 'error' || NOT_A_VALUE_CHECK.has(d.summary)) continue;
      const path = (d.path ?? []).flatMap((s) => ('attribute' in s ? [s.attribute] : []));
      const key = `${r.mode} ${r.type} ${path.join('.')}`;
      if (path.length === 0 || seen.has(key) || !findEntry(schema, path)?.attribute?.required) continue;
      // Only custom messages: a standard one (an enum, an ARN) was read from the first round's other probes.
      const flatKey = [...path.slice(0, -1).flatMap((n) => [n, '0']), path[path.length - 1]].join('.');
      if (classify({ summary: d.summary, detail: d.detail, value: PROBE_STRING, name: path[path.length - 1] as string, flatKey })) continue;
      seen.add(key);
      out.push({ mode: r.mode, type: r.type, argument: { path, checks: [] } });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const only = flag('--types') ? new Set((flag('--types') as string).split(',')) : undefined;
  const outFile = flag('--out') ?? PATTERN_PROBES_FILE;
  const jobs = Number(flag('--jobs') ?? 2);
  const records = gunzipSync(readFileSync(PROBES_FILE))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbeRecord);
  const schemas = loadBundledSchemas();
  // --missing: probe only the arguments the recording does not have yet, and add them to it.
  const previous: PatternRecord[] = argv.includes('--missing') && existsSync(outFile) ? readPatternRecords(outFile) : [];
  const recorded = new Set(previous.map((r) => `${r.mode} ${r.type} ${r.path.join('.')}`));
  const targets = patternTargets(records, (mode, type) => schemas.resourceSchema('aws', type, mode)?.block).filter(
    (t) => (!only || only.has(t.type)) && !recorded.has(`${t.mode} ${t.type} ${t.argument.path.join('.')}`),
  );
  // Framework enum messages name their allowed values: show those too (and in other letter case).
  const enumDetails = new Map<string, string[]>();
  for (const r of records) {
    if (r.kind !== 'value' || !r.set[0]) continue;
    const key = `${r.mode} ${r.type} ${r.set[0].path.join('.')}`;
    for (const d of r.diagnostics) if (d.detail.includes('\nValid Values: [')) enumDetails.set(key, [...(enumDetails.get(key) ?? []), d.detail]);
  }
  const client = await PluginClient.start(providerBinary());
  const out: PatternRecord[] = new Array(targets.length);
  let next = 0;
  let calls = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      const target = targets[i];
      if (!target) return;
      const { mode, type, argument } = target;
      const schema = schemas.resourceSchema('aws', type, mode)?.block as SchemaBlock;
      const type_ = findEntry(schema, argument.path)?.attribute?.type;
      if (!isStringType(type_) && !isStringCollection(type_)) continue;
      const elements = isStringCollection(type_);
      const partners = (argument.requiredWith ?? [])
        .map((flat) => flat.split('.').filter((p) => !/^\d+$/.test(p)))
        .filter((p) => p.join('.') !== argument.path.join('.'))
        .flatMap((p): Array<{ path: SchemaPath; value: WireValue }> => {
          const value = probeValues(findEntry(schema, p)?.attribute?.type)[0];
          return value === undefined ? [] : [{ path: p, value }];
        });
      const blocks = [argument.path.slice(0, -1), ...partners.map((p) => p.path.slice(0, -1))];
      // The baseline leaves the argument null (a required one too: its first-round filler could be rejected).
      const validate = (value: WireValue) => {
        calls++;
        const set: Array<{ path: SchemaPath; value: WireValue }> = [...partners, { path: argument.path, value }];
        return client.validate(mode, type, buildConfig(schema, { kind: 'value', blocks, set }));
      };
      const baseline = await validate(null);
      const record: PatternRecord = { mode, type, path: argument.path, ...(elements ? { elements: true as const } : {}), partners, baseline, answers: [] };
      await runPatternPlan(
        async (value) => {
          const diagnostics = added(await validate(elements ? [value] : value), baseline);
          record.answers.push({
            value: compactString(value),
            diagnostics: diagnostics.map((d) => ({ ...d, summary: compactText(d.summary, value), detail: compactText(d.detail, value) })),
          });
          const own = diagnostics.filter((d) => d.severity === 'error' && isAbout(d, argument.path));
          const mask = (text: string) => (value.length > 1 ? text.split(value).join('\0').split(value.toLowerCase()).join('\0') : text).replace(/\d+/g, '#');
          return own.map((d) => mask(`${d.summary}|${d.detail}`)).sort().join('\n');
        },
        enumDetails.get(`${mode} ${type} ${argument.path.join('.')}`) ? enumProbes(enumDetails.get(`${mode} ${type} ${argument.path.join('.')}`) as string[]) : [],
      );
      out[i] = record;
      if (i % 100 === 0) process.stderr.write(`${i}/${targets.length} arguments, ${calls} calls, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  client.close();
  const lines = [...previous, ...out.filter(Boolean)].map((r) => JSON.stringify(r));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  process.stdout.write(`wrote ${outFile}: ${lines.length} arguments, ${calls} calls, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

if (process.argv[1]?.endsWith('probe-provider-patterns.ts')) await main();
