// Turns `terraform providers schema -json` output into the compact artifacts bundled under assets/schemas/:
// descriptions dropped, one gzip JSON-lines file per provider (format: src/schema/bundle-format.ts), so
// the loader indexes a file without parsing it and parses a resource schema only when it is looked up.
//
//   tsx scripts/compact-schema.ts [input.json[.gz]] [output-name-prefix]
// Default: ../shared/data/terraform/aws-5.100.0.schema.json.gz -> assets/schemas/aws-5.100.0.jsonl.gz
// The bundled providers are listed explicitly in assets/schemas/index.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { gzipIndexPath, writeIndexedGzip } from '../src/core/indexed-gzip.ts';
import { bundleLineKey, toBundles } from '../src/schema/bundle-format.ts';
import { compactProviderSchemas } from '../src/schema/compact.ts';

const input = process.argv[2] ?? '../shared/data/terraform/aws-5.100.0.schema.json.gz';
const prefix = process.argv[3] ?? 'assets/schemas/aws-5.100.0';

const raw = readFileSync(input);
const text = (input.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
const bundles = toBundles(compactProviderSchemas(JSON.parse(text)));
for (const { address, text: bundle } of bundles) {
  const output = bundles.length === 1 ? `${prefix}.jsonl.gz` : `${prefix}-${address.split('/').pop()}.jsonl.gz`;
  // Indexed gzip members (src/core/indexed-gzip.ts): the loader inflates only the schemas a configuration uses.
  const { gz, index } = writeIndexedGzip(bundle.replace(/\n$/, '').split('\n'), bundleLineKey);
  writeFileSync(output, gz);
  writeFileSync(gzipIndexPath(output), `${JSON.stringify(index)}\n`);
  process.stdout.write(`${address}: ${input} (${raw.length} bytes) -> ${output} (${gz.length} bytes; ${bundle.length} bytes of JSON lines)\n`);
}
