/**
 * Writes docs/rego-builtins.md from the BUILTINS registry: one row per OPA builtin with its category, signature,
 * and whether it is implemented here, by the evaluator, or not yet. test/rego/builtins-meta.test.ts fails when the
 * committed file differs from what this renders.
 *
 *   npx tsx scripts/gen-rego-builtin-docs.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBuiltinDocs } from '../src/rego/builtins/docs.ts';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'rego-builtins.md'), renderBuiltinDocs());
