// The library's METADATA blocks are parsed ahead of time (assets/policies/metadata-yaml.json, written by
// `npx tsx scripts/gen-policy-docs.ts`): loading and compiling the library parses no YAML, which is most of the
// start-up cost of a scan otherwise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yamlParseCount } from '../../src/core/yaml-memo.ts';
import { metadataSeedPath, renderMetadataSeed } from '../../scripts/policy-docs-source.ts';

describe('precomputed policy metadata', () => {
  it('is current, so loading and compiling the whole library parses no YAML (npx tsx scripts/gen-policy-docs.ts)', () => {
    const rendered = renderMetadataSeed();
    expect(yamlParseCount()).toBe(0);
    expect(rendered).toBe(readFileSync(metadataSeedPath, 'utf8'));
  });
});
