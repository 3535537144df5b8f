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
// Last, the start-up and scanning chunks become scripts run with V8's code cache (`scriptWithCodeCache` below).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

// commander is CommonJS: its require() of Node's modules needs a real require in an ES module bundle.
const BANNER = "import { createRequire as __iacpacCreateRequire } from 'node:module'; const require = __iacpacCreateRequire(import.meta.url);";

/** The chunks run as scripts with V8's code cache (`scriptWithCodeCache`): what a `check` loads. */
const CACHED_CHUNKS = ['startup', 'scanning'];

/** The names the ES module of a chunk run as a script (`scriptWithCodeCache`) declares besides the chunk's exports. */
const WRAPPER_NAMES = ['crypto', 'fs', 'module', 'path', 'urlModule', 'vm'];

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
  for (const file of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile() && /\.c?js(\.map|\.cache)?$/.test(e.name))) rmSync(join(dist, file.name));
  await bundle.write({
    dir: dist,
    format: 'es',
    manualChunks: (id) => group.get(basename(id)),
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    banner: BANNER,
  });
  await bundle.close();
  // HashiCorp's parser ships gzipped (assets/hcl-syntax/, 1.7 MB instead of 6.3 MB in git); inflating it cost every
  // process that starts the parser's worker ~14 ms of CPU plus loading zlib there. The build inflates it once; the
  // worker reads this copy when it matches the packed one (hcl/hcl-syntax-worker.ts: wasmPath) and the .gz otherwise.
  writeFileSync(join(dist, 'hcl-syntax.wasm'), gunzipSync(readFileSync(resolve('assets/hcl-syntax/hcl-syntax.wasm.gz'))));
  // Last, as the run that makes the code caches uses the CLI as built.
  for (const name of CACHED_CHUNKS) await scriptWithCodeCache(dist, name);
  writeCodeCaches(dist, CACHED_CHUNKS);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/**
 * A V8 code cache for a chunk (the scanning chunk: 1.4 MB, what `check`/`scan`/`validate`/`plan` load beyond the start-up
 * chunk). Node 20 compiles ES modules from source every time (no module compile cache before Node 22), which cost a
 * one-folder `check` ~0.05 s CPU for the scanning chunk and ~0.02 s for the start-up chunk: the top-level parse plus
 * the functions V8 compiles lazily on first call. A script (vm.Script) can instead start from V8's cached data, which
 * holds the functions compiled by the time it was made.
 * So the chunk's code goes to `<name>.cjs` (the same code as a function body: imports become the wrapper's `require`,
 * `import.meta.url` and `import()` its `__iacpacUrl` and `__iacpacImport`), `<name>.js` becomes a small ES module
 * that runs it and re-exports its exports (the other chunks import it unchanged), and `<name>.cjs.cache` holds the
 * cached data made by running `check examples/insecure-s3` once: its first 40 bytes are the SHA-1 of the script's
 * file, so a cache is only offered for the exact source it was made from. V8 itself rejects data made by another
 * V8 version or with other V8 flags (the CLI compiles both chunks before the parser worker sets any flag); the script is
 * then compiled from source, as an ES module was.
 */
async function scriptWithCodeCache(dist, name) {
  const shimFile = join(dist, `${name}.js`);
  const scriptFile = join(dist, `${name}.cjs`);
  const chunk = readFileSync(shimFile, 'utf8');
  if (!chunk.startsWith(`${BANNER}\n`)) throw new Error(`build: ${name}.js does not start with the bundle's banner`);
  const body = chunk.slice(BANNER.length + 1);
  const converted = await rollup({
    input: shimFile,
    external: (_id, importer) => importer !== undefined,
    treeshake: false,
    plugins: [
      {
        name: 'chunk-as-script',
        load: (id) => (id === shimFile ? body : null),
        resolveImportMeta(property) {
          if (property === 'url') return '__iacpacUrl';
          throw new Error(`build: ${name}.js uses import.meta.${property}, which its script form does not provide`);
        },
        renderDynamicImport: () => ({ left: '__iacpacImport(', right: ')' }),
      },
    ],
    onwarn(warning) {
      throw new Error(`build: converting ${name}.js to a script: ${warning.message}`);
    },
  });
  const { output } = await converted.generate({ format: 'cjs', exports: 'named', esModule: false, strict: true, interop: 'esModule' });
  await converted.close();
  const [{ code, exports, imports }] = output;
  // Node's modules are required; the other chunks are imported by the ES module (so they load, and are seen by loader
  // hooks, as before) and handed over as their namespaces. A package imported statically would be required unseen.
  const required = [...code.matchAll(/^(?:var \w+ = )?require\('([^']+)'\);$/gm)].map((match) => match[1]);
  if (required.length !== imports.length) throw new Error(`build: ${name}.cjs requires ${required.length} modules, rollup lists ${imports.length} imports`);
  const chunks = required.filter((id) => !id.startsWith('node:'));
  const stray = chunks.filter((id) => !/^\.\/[\w-]+\.js$/.test(id));
  if (stray.length > 0) throw new Error(`build: ${name}.js imports ${stray.join(', ')} statically; import it on use, or teach build.mjs to hand it over`);
  // Re-exported as constants: an export the chunk reassigns later (a live binding) would not be seen.
  for (const exported of exports) {
    if (exported.startsWith('__iacpac') || WRAPPER_NAMES.includes(exported)) throw new Error(`build: ${name}.js exports ${exported}, a name its ES module uses`);
    const assignments = code.split(`exports.${exported} = `).length - 1;
    if (assignments !== 1) throw new Error(`build: ${name}.js assigns its export ${exported} ${assignments} times; only constant exports can be re-exported`);
  }
  writeFileSync(scriptFile, code);
  writeFileSync(
    shimFile,
    [
      `// ${name}.cjs run as a script with V8's code cache (scripts/build.mjs: scriptWithCodeCache).`,
      "import * as crypto from 'node:crypto';",
      "import * as fs from 'node:fs';",
      "import * as module from 'node:module';",
      "import * as path from 'node:path';",
      "import * as urlModule from 'node:url';",
      "import * as vm from 'node:vm';",
      ...chunks.map((id, i) => `import * as __iacpacChunk${i} from ${JSON.stringify(id)};`),
      `const __iacpacChunks = { ${chunks.map((id, i) => `${JSON.stringify(id)}: __iacpacChunk${i}`).join(', ')} };`,
      `const __iacpacScript = (${runScript.toString()})(new URL(${JSON.stringify(`./${name}.cjs`)}, import.meta.url), __iacpacChunks, { crypto, fs, module, path, urlModule, vm });`,
      `export const { ${exports.join(', ')} } = __iacpacScript.exports;`,
      "/** The content of the script's cache file: its source's SHA-1 and V8's cached data as of now (the build's run). */",
      'export const __iacpacCodeCache = __iacpacScript.codeCache;',
      '',
    ].join('\n'),
  );
}

/** Runs `<name>.cjs` with `chunks` for its require() of the other chunks; inlined into `<name>.js`, so it imports nothing. */
function runScript(url, chunks, { crypto, fs, module, path, urlModule, vm }) {
  const file = urlModule.fileURLToPath(url);
  const bytes = fs.readFileSync(file);
  // Of the file's bytes (the wrapper is this build's too): hashing the wrapped string would flatten and re-encode it.
  const sourceHash = crypto.hash('sha1', bytes);
  const source = `(function (exports, require, module, __filename, __dirname, __iacpacUrl, __iacpacImport) {${bytes.toString('utf8')}\n})`;
  let cachedData;
  try {
    const cache = fs.readFileSync(`${file}.cache`);
    if (cache.toString('latin1', 0, 40) === sourceHash) cachedData = cache.subarray(40);
  } catch {
    // no cache: compiled from source
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const exports = {};
  const required = module.createRequire(file);
  script.runInThisContext()(
    exports,
    (id) => chunks[id] ?? required(id),
    { exports },
    file,
    path.dirname(file),
    url.href,
    (specifier) => import(specifier.startsWith('.') ? new URL(specifier, url).href : specifier),
  );
  return { exports, codeCache: () => Buffer.concat([Buffer.from(sourceHash, 'latin1'), script.createCachedData()]) };
}

/**
 * Makes each `<name>.cjs.cache` by running `check examples/insecure-s3` once with the built CLI (a child process without
 * NODE_OPTIONS), then setting back to V8's defaults the flags HCL's parser worker changed (hcl-syntax-worker.ts,
 * wasm-tiering.ts; test/e2e/code-cache.test.ts fails if one is missed): V8 records the flags in the data and compares
 * them when the script is compiled, which the CLI does before the worker starts.
 */
function writeCodeCaches(dist, names) {
  const cacheFiles = names.map((name) => join(dist, `${name}.cjs.cache`));
  const run = `
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
const chunks = await Promise.all(${JSON.stringify(names.map((name) => pathToFileURL(join(dist, `${name}.js`)).href))}.map((url) => import(url)));
process.on('exit', () => {
  setFlagsFromString(${JSON.stringify(`--no-wasm-lazy-validation --no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering ${v8Default('wasm-tiering-budget')}`)});
  ${JSON.stringify(cacheFiles)}.forEach((file, i) => writeFileSync(file, chunks[i].__iacpacCodeCache()));
});
process.argv = [process.argv[0], 'iacpac', 'check', 'examples/insecure-s3', '--allow-partial'];
await import(${JSON.stringify(pathToFileURL(join(dist, 'cli.js')).href)});
`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  // A file, not --eval: workers inherit the process's options, and --input-type=module would make the parser worker's
  // script an ES module.
  const runFile = join(stage, 'code-cache-run.mjs');
  writeFileSync(runFile, run);
  const result = spawnSync(process.execPath, [runFile], { cwd: resolve('.'), env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  // `check` exits 1: the example has findings.
  if (result.status !== 1 || !cacheFiles.every((file) => existsSync(file))) throw new Error(`build: the run that makes the code caches exited ${result.status}: ${result.stderr}`);
}

/** V8's default for an integer or string flag of this Node (`node --v8-options`), as `--name=value`. */
function v8Default(name) {
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  const flag = new RegExp(`default: (--${name}=\\S+)`).exec(options)?.[1];
  if (flag === undefined) throw new Error(`build: node --v8-options names no default for --${name}`);
  return flag;
}
