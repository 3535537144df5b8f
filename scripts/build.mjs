// Bundles the CLI, the library entry and the scan worker into dist/ (fast; runs on `npm ci` via `prepare`). No source
// maps: they would double the package; stack traces (--debug) name the bundle's lines.
//
// Two steps. esbuild compiles and bundles the TypeScript with code splitting, which keeps what only some commands
// need (the generator's LLM code, charts, the knowledge base) out of the others' way, but cuts the code into one
// chunk per distinct set of entry points and dynamic imports that reach it: a one-folder `check` loaded 43 files,
// many of a few hundred bytes, and Node's ES module loader costs ~0.5–0.8 ms CPU per module (resolution, a module
// record, linking) whatever its size. Rollup then regroups esbuild's chunks (`manualChunks`): what every command
// loads to start (the CLI, commander, each command's options) into one chunk, and what `check` loads beyond that
// (load, validate, plan, scan: `scan`, `validate` and `plan` use the same code) into another, so a check reads three
// files; the rest stay as esbuild split them. Rollup only moves whole chunks (no tree shaking, no re-transpiling).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rollup } from 'rollup';

// Small pure-JavaScript dependencies of every command are bundled in: each package loaded from node_modules costs
// Node's ES module loader a resolution (package.json lookups) and a module record per file (commander is eight
// CommonJS files), ~5 ms of a one-folder `check`. The rest stay external: the LLM, chart and knowledge-base
// packages load only when a command needs them (test/e2e/scan-path-imports.test.ts), web-tree-sitter locates its
// WebAssembly next to its own file, yaml is required on first use (core/yaml-lib.ts), and zod is shared with the
// `ai` package's schemas.
const BUNDLED = new Set(['commander', 'picocolors', 're2js']);
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name));

const ENTRIES = { cli: 'src/cli/bin.ts', index: 'src/index.ts', 'root-worker': 'src/analysis/root-worker.ts' };
/** The implementation whose static imports make the scanning chunk. */
const CHECK = 'src/cli/commands/check/check.ts';
/** A command's registration module (options and help), loaded by every run of the CLI. */
const COMMAND_INDEX = /^src\/cli\/commands\/[^/]+\/index\.ts$/;

const stage = mkdtempSync(join(tmpdir(), 'iacpac-build-'));
try {
  const { metafile } = await build({
    entryPoints: ENTRIES,
    outdir: stage,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: [...external, ...external.map((name) => `${name}/*`)],
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });

  // esbuild's chunks by file name, with their static imports and the source they were split for.
  const outputs = new Map(
    Object.entries(metafile.outputs).map(([path, output]) => [
      basename(path),
      {
        entryPoint: output.entryPoint,
        imports: output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path)),
      },
    ]),
  );
  const chunkOf = (entryPoint) => [...outputs].find(([, output]) => output.entryPoint === entryPoint)?.[0];
  const closure = (roots) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of outputs.get(file)?.imports ?? []) visit(next);
    };
    for (const root of roots) visit(root);
    return seen;
  };
  const cli = chunkOf(ENTRIES.cli);
  const check = chunkOf(CHECK);
  if (!cli || !check) throw new Error(`build: no chunk for ${cli ? CHECK : ENTRIES.cli}`);
  const commandIndexes = [...outputs].filter(([, output]) => COMMAND_INDEX.test(output.entryPoint ?? '')).map(([file]) => file);
  const startup = closure([cli, ...commandIndexes]);
  const scanning = closure([check]);
  const group = new Map();
  for (const file of scanning) if (!startup.has(file)) group.set(file, 'scanning');
  // The entry chunks stay entries; everything else a CLI run loads to start goes into one chunk.
  for (const file of startup) if (file !== cli && !commandIndexes.includes(file)) group.set(file, 'startup');
  for (const file of commandIndexes) group.set(file, 'startup');

  const bundle = await rollup({
    input: Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, join(stage, `${name}.js`)])),
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    treeshake: false,
    onwarn(warning, warn) {
      // esbuild's chunks import what they need; cycles between chunks were already there and are fine in ESM.
      if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'UNUSED_EXTERNAL_IMPORT') warn(warning);
    },
  });
  const dist = resolve('dist');
  mkdirSync(dist, { recursive: true });
  // Only the bundle's own files: dist/types (scripts/build-types.mjs) stays.
  for (const file of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile() && /\.js(\.map)?$/.test(e.name))) rmSync(join(dist, file.name));
  await bundle.write({
    dir: dist,
    format: 'es',
    manualChunks: (id) => group.get(basename(id)),
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    // commander is CommonJS: its require() of Node's modules needs a real require in an ES module bundle.
    banner: "import { createRequire as __iacpacCreateRequire } from 'node:module'; const require = __iacpacCreateRequire(import.meta.url);",
  });
  await bundle.close();
  // HashiCorp's parser ships gzipped (assets/hcl-syntax/, 1.7 MB instead of 6.3 MB in git); inflating it cost every
  // process that starts the parser's worker ~14 ms of CPU plus loading zlib there. The build inflates it once; the
  // worker reads this copy when it matches the packed one (hcl/hcl-syntax-worker.ts: wasmPath) and the .gz otherwise.
  writeFileSync(join(dist, 'hcl-syntax.wasm'), gunzipSync(readFileSync(resolve('assets/hcl-syntax/hcl-syntax.wasm.gz'))));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
