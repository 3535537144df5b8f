import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECLARATIONS } from '../../src/rego/builtins/declarations.ts';
import { renderBuiltinDocs } from '../../src/rego/builtins/docs.ts';
import { BUILTINS, EVALUATOR_BUILTINS, NOT_IMPLEMENTED } from '../../src/rego/builtins/index.ts';

const root = join(import.meta.dirname, '..', '..');
// Names and declarations from OPA's capabilities (a committed copy of ../shared/data/opa-conformance/opa-builtins.json).
const opa = JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', 'opa-capabilities.json'), 'utf8')) as {
  builtins: Array<{ name: string; decl: { args?: unknown[] } }>;
};

describe('rego builtin registry', () => {
  it('declares exactly the builtins in OPA capabilities', () => {
    expect(Object.keys(DECLARATIONS).sort()).toEqual(opa.builtins.map((b) => b.name).sort());
  });

  it('accounts for every OPA builtin exactly once (implemented, evaluator, or listed as not implemented)', () => {
    for (const name of Object.keys(DECLARATIONS)) {
      const places = [BUILTINS.has(name), EVALUATOR_BUILTINS.includes(name), NOT_IMPLEMENTED.has(name)].filter(Boolean);
      expect(places.length, name).toBe(1);
    }
  });

  it('registers only declared builtins, under their own names, with OPA signatures', () => {
    for (const [name, builtin] of BUILTINS) {
      expect(builtin.name).toBe(name);
      const declaration = DECLARATIONS[name as keyof typeof DECLARATIONS];
      expect(declaration, name).toBeDefined();
      expect(builtin.args).toEqual(declaration.args);
      expect(builtin.result).toEqual(declaration.result);
    }
  });

  it('keeps docs/rego-builtins.md in sync with the registry (run: npx tsx scripts/gen-rego-builtin-docs.ts)', () => {
    expect(readFileSync(join(root, 'docs', 'rego-builtins.md'), 'utf8')).toBe(renderBuiltinDocs());
  });
});
