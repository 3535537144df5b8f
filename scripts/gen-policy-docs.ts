// Regenerates docs/policies.md, assets/policies/metadata-yaml.json (the library's METADATA blocks parsed ahead of
// time, so loading the library parses no YAML) and assets/policies/library.json (each policy's metadata read and
// checked ahead of time) and assets/policies/compiled-library.txt (every module compiled ahead of time) from the
// policy library: npx tsx scripts/gen-policy-docs.ts [--check]
// --check exits 1 when a committed file is out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { metadataSeedPath, policyDocsPath, precompiledLibraryPath, renderLibraryDocs, renderMetadataSeed } from './policy-docs-source.ts';
import { renderPrecompiledLibrary } from '../src/scan/policy-library.ts';
import { COMPILED_LIBRARY_FILE, renderCompiledLibrary } from '../src/scan/compiled-library.ts';

const seed = renderMetadataSeed();
const outputs: Array<[string, string]> = [
  [policyDocsPath, renderLibraryDocs()],
  [metadataSeedPath, seed],
  [precompiledLibraryPath, renderPrecompiledLibrary()],
  [join(import.meta.dirname, '..', COMPILED_LIBRARY_FILE), renderCompiledLibrary()],
];
for (const [path, text] of outputs) {
  if (process.argv.includes('--check')) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      process.stderr.write(`${path} is out of date; run npx tsx scripts/gen-policy-docs.ts\n`);
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
