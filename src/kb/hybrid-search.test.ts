import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLlmTestServer } from '../../test/helpers/llm-test-server.ts';
import { createEmbedder } from '../llm/embeddings.ts';
import { hybridSearcher, lexicalSearcher } from './hybrid-search.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import type { KbDocument } from './kb-document.ts';

const cache = mkdtempSync(join(tmpdir(), 'iacpac-embeddings-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const doc = (id: string, title: string, text: string): KbDocument => ({ id, kind: 'doc', title, keywords: '', text, source: `${id}.md` });
const kb = KnowledgeBase.build([
  doc('a', 'Bucket storage classes', 'Buckets keep data in storage classes.'),
  doc('b', 'Bucket retention', 'Old object versions of a bucket are kept for 90 days.'),
  doc('c', 'Bucket naming', 'Bucket names start with acme-.'),
]);
// A toy embedding space: dimension 0 = "about keeping old data", dimension 1 = everything else.
const embed = (text: string) => (/retain|retention|versions|kept|keep old/i.test(text) ? [1, 0.1] : [0.1, 1]);

describe('hybridSearcher', () => {
  it('re-ranks the BM25 candidates by cosine similarity through the provider, caching vectors', async () => {
    const server = await startLlmTestServer([{ content: 'unused' }], { embed });
    try {
      const embedder = await createEmbedder({ provider: 'openai', baseUrl: server.openaiBaseUrl }, { cache: { dir: join(cache, 'llm') } }, { OPENAI_API_KEY: 'sk-test-0123456789abcdefghij' });
      expect([embedder.provider, embedder.modelId]).toEqual(['openai', 'text-embedding-3-small']);
      const lexical = await lexicalSearcher(kb)('bucket keep old', { limit: 3 });
      const hybrid = await hybridSearcher(kb, embedder)('bucket keep old', { limit: 3 });
      expect(lexical[0]?.document.id).not.toBe('b');
      expect(hybrid[0]?.document.id).toBe('b');
      expect(hybrid.map((h) => h.document.id).sort()).toEqual(lexical.map((h) => h.document.id).sort());
      expect(server.embeddingRequests).toHaveLength(1);
      expect(server.embeddingRequests[0]![0]).toBe('bucket keep old');
      await hybridSearcher(kb, embedder)('bucket keep old', { limit: 3 });
      expect(server.embeddingRequests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a provider without an embeddings API', async () => {
    await expect(createEmbedder({ provider: 'anthropic' }, {}, { ANTHROPIC_API_KEY: 'sk-ant-0123456789abcdef' })).rejects.toThrow(
      'embeddings: anthropic has no embeddings API; set llm.embeddings.provider to openai, azure, ollama or openai-compatible',
    );
  });
});
