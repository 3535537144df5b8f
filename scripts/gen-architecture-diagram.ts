// Rewrites the generated module diagram in docs/ARCHITECTURE.md from scripts/architecture-layers.cjs.
// Run: npx tsx scripts/gen-architecture-diagram.ts   (test/meta/architecture.test.ts fails when it is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM_END, DIAGRAM_START, diagramSection } from './architecture-diagram.ts';

const file = join(import.meta.dirname, '..', 'docs', 'ARCHITECTURE.md');
const text = readFileSync(file, 'utf8');
const start = text.indexOf(DIAGRAM_START);
const end = text.indexOf(DIAGRAM_END);
if (start < 0 || end < start) throw new Error(`docs/ARCHITECTURE.md: markers ${DIAGRAM_START} ... ${DIAGRAM_END} not found`);
writeFileSync(file, `${text.slice(0, start)}${diagramSection()}${text.slice(end + DIAGRAM_END.length)}`);
console.log('docs/ARCHITECTURE.md: module diagram regenerated');
