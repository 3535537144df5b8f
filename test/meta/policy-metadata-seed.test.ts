// The library's METADATA blocks are read ahead of time: assets/policies/metadata-yaml.json (the YAML parses) and
// assets/policies/library.json (each policy's checked metadata, keyed by the SHA-256 of its text), both written by
// `npx tsx scripts/gen-policy-docs.ts`. Loading and compiling the library then parses no YAML and checks no METADATA,
// which was most of the start-up cost of a scan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yamlParseCount } from '../../src/core/yaml-memo.ts';
import { metadataSeedPath, precompiledLibraryPath, renderMetadataSeed } from '../../scripts/policy-docs-source.ts';
import { loadLibrary, readLibrary, readPrecompiled, renderPrecompiledLibrary } from '../../src/scan/policy-library.ts';

describe('precomputed policy metadata', () => {
  it('is current, so loading and compiling the whole library parses no YAML (npx tsx scripts/gen-policy-docs.ts)', () => {
    const rendered = renderMetadataSeed();
    expect(yamlParseCount()).toBe(0);
    expect(rendered).toBe(readFileSync(metadataSeedPath, 'utf8'));
  });

  it('assets/policies/library.json is current: every policy has an entry for its text (npx tsx scripts/gen-policy-docs.ts)', () => {
    expect(renderPrecompiledLibrary()).toBe(readFileSync(precompiledLibraryPath, 'utf8'));
    expect(Object.keys(readPrecompiled())).toHaveLength(loadLibrary().policies.length);
  });

  it('an entry for another text is not used: that policy is read from its file', () => {
    const fromSources = readLibrary({});
    const precompiled = readPrecompiled();
    const [first, second] = Object.keys(precompiled);
    const tampered = { ...precompiled };
    // Same text, other metadata: used as it is (this is what the hash keys). Other text: ignored.
    tampered[first!] = { ...precompiled[first!]!, info: { ...precompiled[first!]!.info, title: 'from the precompiled entry' } };
    tampered[second!] = { sha256: 'f'.repeat(64), info: { ...precompiled[second!]!.info, title: 'stale entry' } };
    const loaded = readLibrary(tampered);
    expect(loaded.policies.find((p) => p.displayName === `policies/${first}`)?.title).toBe('from the precompiled entry');
    const stale = loaded.policies.find((p) => p.displayName === `policies/${second}`);
    expect(stale).toEqual(fromSources.policies.find((p) => p.displayName === `policies/${second}`));
    expect(stale?.title).not.toBe('stale entry');
    // Without tampering the precompiled library is exactly what reading every METADATA block gives.
    expect(readLibrary(precompiled)).toEqual(fromSources);
  });
});
