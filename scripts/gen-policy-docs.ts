// Regenerates docs/policies.md from the policy library metadata: npx tsx scripts/gen-policy-docs.ts [--check]
// --check exits 1 when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyDocsPath, renderLibraryDocs } from './policy-docs-source.ts';

const text = renderLibraryDocs();
if (process.argv.includes('--check')) {
  const current = readFileSync(policyDocsPath, 'utf8');
  if (current !== text) {
    process.stderr.write(`${policyDocsPath} is out of date; run npx tsx scripts/gen-policy-docs.ts\n`);
    process.exit(1);
  }
} else {
  writeFileSync(policyDocsPath, text);
  process.stdout.write(`wrote ${join('docs', 'policies.md')}\n`);
}
