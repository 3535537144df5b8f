// Bundles the CLI, the library entry and the scan worker into dist/ with esbuild (fast; runs on `npm ci` via
// `prepare`). No source maps: they would double the package; stack traces (--debug) name the bundle's lines.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts', 'root-worker': 'src/analysis/root-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
});
