// Records real `terraform plan` output for a minimal configuration of every AWS resource type (only its
// required arguments and blocks, with placeholder values), so scripts/gen-plan-defaults.ts can learn the
// values the provider plans for unset arguments beyond the resource types IaC-Eval happens to use.
// Needs terraform and the aws provider in a local plugin directory. Resources the provider rejects are
// dropped and the batch is re-planned. Output: bench/baselines/plan-provider-defaults/<batch>.json.gz
//
//   npx tsx scripts/record-provider-defaults.ts [--plugin-dir /opt/tf-plugins] [--batch-size 150] [--limit N] [--batches 1,3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { logger } from '../src/core/logger.ts';
import { loadBundledSchemas } from '../src/schema/index.ts';
import type { CtyType, SchemaBlock } from '../src/schema/provider-schema.ts';
import { offlineOverrideFiles } from '../src/backends/offline-overrides.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const pluginDir = option('--plugin-dir', '/opt/tf-plugins');
const batchSize = Number(option('--batch-size', '150'));
const limit = Number(option('--limit', 'Infinity'));
const out = join(import.meta.dirname, '..', 'bench', 'baselines', 'plan-provider-defaults');
mkdirSync(out, { recursive: true });

const schemas = loadBundledSchemas();
const types = schemas.resourceTypes('hashicorp/aws', 'managed').sort().slice(0, limit);

function placeholder(name: string, type: CtyType | undefined): string | undefined {
  if (type === 'string') {
    if (/arn$/.test(name)) return '"arn:aws:iam::123456789012:role/iacpac"';
    if (/cidr/.test(name)) return '"10.0.0.0/16"';
    if (/region/.test(name)) return '"us-east-1"';
    if (/email/.test(name)) return '"ops@example.com"';
    if (/url|endpoint/.test(name)) return '"https://example.com"';
    if (/account_id/.test(name)) return '"123456789012"';
    if (/_id$/.test(name)) return '"id-0123456789abcdef0"';
    return '"iacpac-test"';
  }
  if (type === 'number') return '1';
  if (type === 'bool') return 'false';
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set') && type[1] === 'string') return `[${placeholder(name.replace(/s$/, ''), 'string')}]`;
  if (Array.isArray(type) && type[0] === 'map') return '{}';
  return undefined;
}

function body(block: SchemaBlock, indent: string, depth: number): string | undefined {
  let text = '';
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (!attribute.required) continue;
    const value = placeholder(name, attribute.type);
    if (value === undefined) return undefined;
    text += `${indent}${name} = ${value}\n`;
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    if (!blockType.min_items) continue;
    if (depth > 4) return undefined;
    const inner = body(blockType.block, `${indent}  `, depth + 1);
    if (inner === undefined) return undefined;
    for (let i = 0; i < blockType.min_items; i++) {
      text += `${indent}${name} ${blockType.nesting_mode === 'map' ? `"k${i}" ` : ''}{\n${inner}${indent}}\n`;
    }
  }
  return text;
}

function terraform(cwd: string, ...command: string[]) {
  return spawnSync('terraform', command, { cwd, encoding: 'utf8', timeout: 900_000, env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' } });
}

const only = args.includes('--batches') ? option('--batches', '').split(',').map(Number) : undefined;
for (let start = 0, batch = 0; start < types.length; start += batchSize, batch++) {
  if (only && !only.includes(batch)) continue;
  const blocks = new Map<string, string>();
  for (const type of types.slice(start, start + batchSize)) {
    const schema = schemas.resourceSchema('hashicorp/aws', type, 'managed');
    const text = schema ? body(schema.block, '  ', 0) : undefined;
    if (text !== undefined) blocks.set(type, `resource "${type}" "r" {\n${text}}\n`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-defaults-'));
  try {
    for (const [name, text] of Object.entries(offlineOverrideFiles(''))) writeFileSync(join(dir, name), text);
    const init = terraform(dir, 'init', '-backend=false', '-input=false', `-plugin-dir=${pluginDir}`);
    if (init.status !== 0) throw new Error(`terraform init failed: ${init.stderr}`);
    for (let attempt = 0; attempt < 6 && blocks.size > 0; attempt++) {
      writeFileSync(join(dir, 'main.tf'), [...blocks.values()].join('\n'));
      const plan = terraform(dir, 'plan', '-input=false', '-no-color', '-lock=false', '-out=p.bin');
      if (plan.status === 0) {
        const show = terraform(dir, 'show', '-json', 'p.bin');
        writeFileSync(join(out, `${String(batch).padStart(2, '0')}.json.gz`), gzipSync(show.stdout));
        logger.out(`batch ${batch}: ${blocks.size} resource types planned`);
        break;
      }
      const output = `${plan.stderr}\n${plan.stdout}`;
      const failing = new Set([
        ...[...output.matchAll(/with (aws_[a-z0-9_]+)\.r/g)].map((m) => m[1]!),
        ...[...output.matchAll(/in resource "(aws_[a-z0-9_]+)" "r"/g)].map((m) => m[1]!),
      ]);
      if (failing.size === 0) {
        logger.err(`batch ${batch}: plan failed without a resource to drop: ${plan.stderr.slice(0, 500)}`);
        break;
      }
      for (const type of failing) blocks.delete(type);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
