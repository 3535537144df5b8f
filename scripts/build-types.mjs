// Emits the library's type declarations (dist/types/**/*.d.ts) for the public API in src/index.ts, then rewrites the
// relative `.ts` import specifiers the sources use to the `.js` names a consumer's TypeScript resolves against.
// Runs before packing (npm pack / publish: `prepack`) and in the package test; `npm ci` skips it to stay fast.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'types');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
let count = 0;
for (const file of files(out)) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, (_m, head, quote, path) => `${head}${quote}${path}.js${quote}`);
  if (rewritten !== text) writeFileSync(file, rewritten);
  count++;
}
process.stdout.write(`wrote ${count} declaration files to dist/types\n`);
