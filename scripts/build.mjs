// Bundles the CLI, the library entry and the scan worker into dist/ with esbuild (fast; runs on `npm ci` via
// `prepare`). No source maps: they would double the package; stack traces (--debug) name the bundle's lines.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Small pure-JavaScript dependencies of every command are bundled in: each package loaded from node_modules costs
// Node's ES module loader a resolution (package.json lookups) and a module record per file (commander is eight
// CommonJS files), ~5 ms of a one-folder `check`. The rest stay external: the LLM, chart and knowledge-base
// packages load only when a command needs them (test/e2e/scan-path-imports.test.ts), web-tree-sitter locates its
// WebAssembly next to its own file, yaml is required on first use (core/yaml-lib.ts), and zod is shared with the
// `ai` package's schemas.
const BUNDLED = new Set(['commander', 'picocolors', 're2js']);
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name));

await build({
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts', 'root-worker': 'src/analysis/root-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  // commander is CommonJS: its require() of Node's modules needs a real require in an ES module bundle.
  banner: { js: "import { createRequire as __iacpacCreateRequire } from 'node:module'; const require = __iacpacCreateRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
});
