import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from './build-knowledge-base.ts';
import { createRetriever } from './hybrid-search.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { CORE_POLICY_BUILTINS, retrieveReferences } from './retrieve.ts';
import { htmlToText, sections, userDocDocuments } from './sources/user-docs.ts';

const docs = join(import.meta.dirname, '__fixtures__', 'docs');
const kb = buildKnowledgeBase({ docs: [docs] });

describe('knowledge base over the bundled sources', () => {
  it('indexes every provider resource type and data source, the policy library, builtins and user docs', () => {
    const counts = kb.counts();
    expect(counts.schema).toBeGreaterThan(2000);
    expect(counts.policy).toBeGreaterThan(30);
    expect(counts.builtin).toBeGreaterThan(150);
    expect(counts.doc).toBe(5);
  });

  it.each([
    ['S3 bucket versioning', 'schema:aws_s3_bucket_versioning'],
    ['KMS key with rotation', 'schema:aws_kms_key'],
    ['lambda function', 'schema:aws_lambda_function'],
    ['security group', 'schema:aws_security_group'],
  ])('finds the resource type for %j first', (query, id) => {
    expect(kb.search(query, { kinds: ['schema'], limit: 1 })[0]?.document.id).toBe(id);
  });

  it('renders a schema document with required/optional arguments and nested blocks', () => {
    const hit = kb.search('s3 bucket versioning', { kinds: ['schema'], limit: 1 })[0]!;
    expect(hit.document.text).toBe(
      [
        'resource "aws_s3_bucket_versioning" (hashicorp/aws)',
        '  required: bucket (string)',
        '  optional: expected_bucket_owner (string), mfa (string)',
        '  block versioning_configuration (list, min 1, max 1)',
        '    required: status (string)',
        '    optional: mfa_delete (string)',
      ].join('\n'),
    );
  });

  it('finds policies by their metadata and builtins by name', () => {
    expect(kb.search('S3 bucket versioning', { kinds: ['policy'], limit: 1 })[0]?.document.id).toBe('policy:IACPAC_AWS_S3_001');
    expect(kb.search('startswith', { kinds: ['builtin'], limit: 1 })[0]?.document.text).toBe(
      'startswith(string, string) -> boolean  [strings]\n  Returns true if the search string begins with the base string.',
    );
  });

  it('finds user documentation sections, Markdown and HTML', () => {
    expect(kb.search('bucket naming prefix', { kinds: ['doc'], limit: 1 })[0]?.document).toMatchObject({ id: 'doc:naming.md#2', title: 'Bucket naming', source: 'naming.md' });
    expect(kb.search('NAT gateway egress', { kinds: ['doc'], limit: 1 })[0]?.document).toMatchObject({ id: 'doc:network/vpc.html#2', title: 'Egress' });
  });

  it('survives a save and load', () => {
    const small = KnowledgeBase.build(userDocDocuments(docs));
    const loaded = KnowledgeBase.fromJSON(small.toJSON());
    expect(loaded.search('tagging owner').map((h) => h.document.id)).toEqual(small.search('tagging owner').map((h) => h.document.id));
  });

  it('builds prompt references per agent within a size budget', async () => {
    const search = createRetriever(kb);
    const iac = await retrieveReferences(search, 'private S3 bucket with versioning', 'iac');
    expect(iac.text.startsWith('### Provider schema\nresource "aws_s3_bucket')).toBe(true);
    expect(iac.text).toContain('### Policy library\n- IACPAC_AWS_S3_');
    const pac = await retrieveReferences(search, 'private S3 bucket with versioning', 'pac', 3000);
    expect(pac.text.length).toBeLessThanOrEqual(3000 + 200);
    expect(pac.text).toContain('```rego\n# METADATA');
    const full = await retrieveReferences(search, 'private S3 bucket with versioning', 'pac');
    expect(full.ids.filter((id) => id.startsWith('builtin:'))).toEqual(CORE_POLICY_BUILTINS.map((name) => `builtin:${name}`));
    expect(pac.ids.length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query', () => {
    expect(kb.search('   ')).toEqual([]);
  });
});

describe('user docs helpers', () => {
  it('reduces HTML to text with headings', () => {
    expect(htmlToText('<h2>Title</h2><p>a &amp; b</p><script>x()</script>').trim()).toBe('## Title\na & b');
  });

  it('splits at headings and chunks long sections on paragraphs', () => {
    expect(sections('# A\none\n\ntwo\n# B\nthree', 10)).toEqual([
      { title: 'A', body: '# A\none' },
      { title: 'A', body: 'two' },
      { title: 'B', body: '# B\nthree' },
    ]);
  });

  it('rejects a docs path that is not a directory', () => {
    expect(() => userDocDocuments(join(docs, 'naming.md'))).toThrow('not a directory');
    expect(() => userDocDocuments(join(docs, 'missing'))).toThrow('no such directory');
  });
});

describe('loadOrBuildKnowledgeBase', () => {
  it('saves the index and loads it while the sources are unchanged; a changed doc rebuilds it', async () => {
    const { mkdtempSync, rmSync, writeFileSync, cpSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { loadOrBuildKnowledgeBase } = await import('./build-knowledge-base.ts');
    const cache = mkdtempSync(join(tmpdir(), 'iacpac-kb-cache-'));
    const userDocs = join(cache, 'docs');
    cpSync(docs, userDocs, { recursive: true });
    try {
      const first = loadOrBuildKnowledgeBase({ docs: [userDocs] }, join(cache, 'kb'));
      const second = loadOrBuildKnowledgeBase({ docs: [userDocs] }, join(cache, 'kb'));
      expect([first.cached, second.cached]).toEqual([false, true]);
      expect(second.kb.counts()).toEqual(first.kb.counts());
      expect(second.kb.search('bucket naming prefix', { kinds: ['doc'], limit: 1 })[0]?.document.id).toBe('doc:naming.md#2');
      writeFileSync(join(userDocs, 'naming.md'), '# Only one section\n\nShort.\n');
      utimesSync(join(userDocs, 'naming.md'), new Date(), new Date(Date.now() + 5000));
      const third = loadOrBuildKnowledgeBase({ docs: [userDocs] }, join(cache, 'kb'));
      expect([third.cached, third.kb.counts().doc]).toEqual([false, 3]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
