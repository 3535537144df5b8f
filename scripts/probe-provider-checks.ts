// Records what the real hashicorp/aws provider says when it validates configurations (the checks that
// `terraform validate` runs inside the provider and that `terraform providers schema -json` does not describe):
// every resource type and data source of the bundled schema is shown the variants of
// scripts/provider-checks/probe-plan.ts through the provider's own ValidateResourceTypeConfig /
// ValidateDataSourceConfig calls (the calls `terraform validate` makes), and every answer is written to
// bench/baselines/provider-checks/aws-5.100.0.probes.jsonl.gz. scripts/gen-provider-checks.ts turns that
// recording into the run-time asset; re-running both reproduces it.
//
//   tsx scripts/probe-provider-checks.ts [--provider <binary>] [--types t1,t2 [--merge]] [--out file]
//
// The provider binary defaults to the one `terraform init -plugin-dir=/opt/tf-plugins` installs
// (IACPAC_PLUGIN_DIR overrides the directory). No credentials or network are involved: validation is offline.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadBundledSchemas } from '../src/schema/bundled.ts';
import type { SchemaBlock } from '../src/schema/provider-schema.ts';
import { PluginClient, type PluginDiagnostic, type WireValue } from './provider-checks/plugin-client.ts';
import {
  LONG_STRING,
  buildConfig,
  findEntry,
  firstRoundVariants,
  pairVariant,
  type ProbeVariant,
  type SchemaPath,
} from './provider-checks/probe-plan.ts';

export const PROBES_FILE = 'bench/baselines/provider-checks/aws-5.100.0.probes.jsonl.gz';
const VERSION = '5.100.0';

/** One recorded probe: which variant of which type, and the provider's diagnostics. */
export interface ProbeRecord {
  mode: 'managed' | 'data';
  type: string;
  kind: ProbeVariant['kind'];
  blocks: SchemaPath[];
  set: Array<{ path: SchemaPath; value: WireValue }>;
  diagnostics: PluginDiagnostic[];
}

/** Long probe strings are recorded as this marker (in values and in diagnostic text). */
export const LONG_MARKER = '<long:5000>';

function compactValue(value: WireValue): WireValue {
  if (value === LONG_STRING) return LONG_MARKER;
  if (Array.isArray(value) && value.length > 20) return [`<list:${value.length}>`];
  return value;
}

function compactText(text: string): string {
  return text.includes(LONG_STRING) ? text.split(LONG_STRING).join(LONG_MARKER) : text;
}

export function providerBinary(): string {
  const argv = process.argv;
  const flag = argv.indexOf('--provider');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1] as string;
  const dir = process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins';
  const binary = join(dir, 'registry.terraform.io/hashicorp/aws', VERSION, 'linux_amd64', `terraform-provider-aws_v${VERSION}_x5`);
  if (!existsSync(binary)) throw new Error(`provider binary not found at ${binary}; pass --provider <path> or set IACPAC_PLUGIN_DIR`);
  return binary;
}

/** `"k": conflicts with other` details of a diagnostic list, as [k, other] flat keys. */
function conflicts(diagnostics: PluginDiagnostic[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const d of diagnostics) {
    const match = /^"([^"]+)": conflicts with (\S+)$/.exec(d.detail);
    if (match) out.push([match[1] as string, match[2] as string]);
  }
  return out;
}

/** A flat SDK key (`rule.0.filter.0.prefix`) as a schema path (`rule`, `filter`, `prefix`). */
function flatKeyPath(key: string): SchemaPath {
  return key.split('.').filter((part) => !/^\d+$/.test(part));
}

/** Allowed values named by an enum diagnostic, for the case probes. */
function enumValues(d: PluginDiagnostic): string[] | undefined {
  const sdk = /^expected \S+ to be one of (\[.*\]), got /s.exec(d.summary);
  const framework = d.summary === 'Invalid Attribute Value Match' ? /value must be one of: (\[.*\]), got: /s.exec(d.detail) : null;
  const list = sdk?.[1] ?? framework?.[1];
  if (!list) return undefined;
  const values = [...list.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  return values.length > 0 ? values : undefined;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const typesFlag = argv.indexOf('--types');
  const only = typesFlag >= 0 ? new Set((argv[typesFlag + 1] ?? '').split(',')) : undefined;
  // --merge: probe only --types and replace their records in the existing recording.
  const merge = argv.includes('--merge');
  const outFlag = argv.indexOf('--out');
  const outFile = outFlag >= 0 ? (argv[outFlag + 1] as string) : PROBES_FILE;
  const schemas = loadBundledSchemas();
  const client = await PluginClient.start(providerBinary());
  const records: ProbeRecord[] = [];
  let calls = 0;
  let done = 0;
  const started = performance.now();

  const run = async (mode: 'managed' | 'data', type: string, schema: SchemaBlock, variants: ProbeVariant[]): Promise<ProbeRecord[]> => {
    const out: ProbeRecord[] = new Array(variants.length);
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        const variant = variants[i];
        if (!variant) return;
        const diagnostics = await client.validate(mode, type, buildConfig(schema, variant));
        calls++;
        out[i] = {
          mode,
          type,
          kind: variant.kind,
          blocks: variant.blocks,
          set: variant.set.map(({ path, value }) => ({ path, value: compactValue(value) })),
          diagnostics: diagnostics.map((d) => ({ ...d, summary: compactText(d.summary), detail: compactText(d.detail) })),
        };
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return out;
  };

  for (const mode of ['managed', 'data'] as const) {
    const types = schemas.resourceTypes('aws', mode).sort();
    for (const type of types) {
      if (only && !only.has(type)) continue;
      const schema = schemas.resourceSchema('aws', type, mode)?.block;
      if (!schema) continue;
      const first = await run(mode, type, schema, firstRoundVariants(schema));
      records.push(...first);

      // Second round: every pair around an argument found conflicting, and enum values in other letter case.
      const second: ProbeVariant[] = [];
      const all = first.find((r) => r.kind === 'all');
      const conflicting = new Set((all ? conflicts(all.diagnostics) : []).map(([key]) => key));
      if (conflicting.size > 0) {
        const candidates: SchemaPath[] = [];
        const seen = new Set<string>();
        for (const r of first) {
          const path = r.kind === 'block' ? r.blocks[0] : r.kind === 'value' ? r.set[0]?.path : undefined;
          if (path && !seen.has(path.join('.'))) {
            seen.add(path.join('.'));
            candidates.push(path);
          }
        }
        for (const key of conflicting) {
          const path = flatKeyPath(key);
          if (!findEntry(schema, path)) continue;
          // Conflicts name arguments of the same block, of the blocks around it, or at the top level.
          const near = (other: SchemaPath) => other.length === 1 || path.slice(0, -1).join('.').startsWith(other.slice(0, -1).join('.'));
          for (const other of candidates) if (other.join('.') !== path.join('.') && near(other)) second.push(pairVariant(schema, path, other));
        }
      }
      // CIDR checks differ in the address family and the network-address rule: probe a non-network IPv4 block
      // and an IPv6 block where the first round found one.
      const seenCidr = new Set<string>();
      for (const r of first) {
        const target = r.set[0];
        if (r.kind !== 'value' || !target || seenCidr.has(target.path.join('.'))) continue;
        if (!r.diagnostics.some((d) => /is not a valid (IPv4 |IPv6 )?CIDR block|valid CIDR/.test(d.summary + d.detail))) continue;
        seenCidr.add(target.path.join('.'));
        for (const cidr of ['10.0.1.0/16', '2001:db8::/32', '10.0.0.0/16']) {
          second.push({ kind: 'format', blocks: r.blocks, set: [{ path: target.path, value: Array.isArray(target.value) ? [cidr] : cidr }] });
        }
      }
      const seenCase = new Set<string>();
      for (const r of first) {
        if (r.kind !== 'value') continue;
        const target = r.set[0];
        if (!target) continue;
        for (const d of r.diagnostics) {
          const values = enumValues(d);
          const letter = values?.find((v) => /[a-zA-Z]/.test(v));
          const id = target.path.join('.');
          if (!letter || seenCase.has(id)) continue;
          seenCase.add(id);
          const value = Array.isArray(target.value) ? [swapCase(letter)] : swapCase(letter);
          second.push({ kind: 'case', blocks: r.blocks, set: [{ path: target.path, value }] });
        }
      }
      if (second.length > 0) records.push(...(await run(mode, type, schema, second)));
      if (++done % 100 === 0) process.stderr.write(`${done} types, ${calls} calls, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    process.stdout.write(`${mode}: ${calls} calls so far, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  client.close();
  if (merge && existsSync(outFile)) {
    const probed = new Set(records.map((r) => `${r.mode} ${r.type}`));
    const previous = gunzipSync(readFileSync(outFile))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeRecord)
      .filter((r) => !probed.has(`${r.mode} ${r.type}`));
    records.unshift(...previous);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, gzipSync(records.map((r) => JSON.stringify(r)).join('\n') + '\n', { level: 9 }));
  process.stdout.write(`wrote ${outFile}: ${records.length} probes, ${records.filter((r) => r.diagnostics.length > 0).length} with diagnostics\n`);
}

if (process.argv[1]?.endsWith('probe-provider-checks.ts')) await main();
