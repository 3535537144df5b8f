// dependency-cruiser rules for iacpac, run in `npm test` (test/meta/architecture.test.ts) and by `npm run depcruise`.
// The layer table itself is in scripts/architecture-layers.cjs.
const { LAYERS, EDGE } = require('./scripts/architecture-layers.cjs');

// Unit tests live beside the code and may reach further (fixtures, helpers); the rules are about the product.
const NOT_TESTS = '\\.test\\.ts$|\\.test-helper\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment: 'A file must not reach itself through runtime imports (type-only imports are erased and may loop).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'only-the-edge-imports-cli',
      comment: 'src/cli/ is the edge: nothing but src/index.ts imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${EDGE})/|^src/index\\.ts$|${NOT_TESTS}` },
      to: { path: `^src/${EDGE}/` },
    },
    {
      name: 'no-library-entry-import',
      comment: 'src/index.ts is the public API; code inside the package imports the module it needs instead.',
      severity: 'error',
      from: { path: '^src/', pathNot: NOT_TESTS },
      to: { path: '^src/index\\.ts$' },
    },
    ...Object.entries(LAYERS).map(([module, allowed]) => ({
      name: `layer-${module}`,
      comment: `src/${module}/ may import only ${['core', ...allowed].join(', ')} (see LAYERS).`,
      severity: 'error',
      from: { path: `^src/${module}/`, pathNot: NOT_TESTS },
      to: { path: '^src/', pathNot: `^src/(${[module, 'core', ...allowed].join('|')})/` },
    })),
    {
      name: 'every-module-has-a-layer',
      comment: 'A new folder under src/ needs its row in LAYERS.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${[...Object.keys(LAYERS), EDGE].join('|')})/|^src/index\\.ts$` },
      to: { path: '.+' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
