// Bundles the CLI and the library entry into dist/ with esbuild (fast; runs on `npm ci` via `prepare`).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
