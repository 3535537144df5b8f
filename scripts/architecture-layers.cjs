// The allowed dependency direction between iacpac's modules (the folders under src/), lowest layer first: the one
// place it is written. A module may import its own files, core/, and the modules listed for it, each of which comes
// earlier in the table, so module-level cycles cannot exist. Only the edge (src/cli/) and the library entry
// (src/index.ts) may import everything. Enforced by .dependency-cruiser.cjs; docs/ARCHITECTURE.md's diagram is
// generated from it (`npx tsx scripts/gen-architecture-diagram.ts`); test/meta/architecture.test.ts checks both.
const LAYERS = {
  core: [],
  hcl: [],
  terraform: ['hcl'],
  schema: ['terraform'],
  rego: [],
  validate: ['hcl', 'terraform', 'schema'],
  plan: ['hcl', 'terraform', 'schema'],
  scan: ['hcl', 'terraform', 'plan', 'rego'],
  backends: ['terraform', 'plan'],
  analysis: ['terraform', 'schema', 'validate', 'plan', 'rego', 'scan'],
  fix: ['hcl', 'terraform', 'schema', 'validate', 'scan', 'analysis'],
  llm: [],
  kb: ['schema', 'rego', 'llm'],
  agents: ['analysis', 'fix', 'scan', 'rego', 'llm', 'kb'],
  bench: ['analysis', 'backends', 'scan', 'rego', 'fix', 'llm'],
  report: ['bench'],
  api: ['schema', 'plan', 'rego', 'scan', 'analysis', 'llm', 'kb', 'agents', 'bench'],
};
const EDGE = 'cli';

module.exports = { LAYERS, EDGE };
