import type { Embedder } from '../llm/embeddings.ts';
import { cosine } from '../llm/embeddings.ts';
import type { KbDocument } from './kb-document.ts';
import type { KbHit, KbSearchOptions, KnowledgeBase } from './knowledge-base.ts';

/** How retrieval asks for documents: lexical BM25 only, or BM25 candidates re-ranked with embeddings. */
export type Searcher = (query: string, options: KbSearchOptions) => Promise<KbHit[]>;

/** What the agents retrieve through: a searcher plus lookup by id. */
export interface Retriever {
  search: Searcher;
  get(id: string): KbDocument | undefined;
}

/** BM25 retrieval, re-ranked with `embedder` when given. */
export function createRetriever(kb: KnowledgeBase, embedder?: Embedder): Retriever {
  return { search: embedder ? hybridSearcher(kb, embedder) : lexicalSearcher(kb), get: (id) => kb.get(id) };
}

export function lexicalSearcher(kb: KnowledgeBase): Searcher {
  return async (query, options) => kb.search(query, options);
}

/**
 * Hybrid retrieval: the BM25 top candidates (4x the limit, at least 20) re-ranked by
 * `(1 - weight) * bm25 / max(bm25) + weight * cosine(query, document)`. Only candidates are embedded (and cached),
 * never the whole index. Scores are rounded to 1e-3.
 */
export function hybridSearcher(kb: KnowledgeBase, embedder: Embedder, weight = 0.5): Searcher {
  return async (query, options) => {
    const limit = options.limit ?? 10;
    const candidates = kb.search(query, { ...options, limit: Math.max(limit * 4, 20) });
    if (candidates.length === 0) return [];
    const [queryVector, ...vectors] = await embedder.embed([query, ...candidates.map((hit) => `${hit.document.title}\n${hit.document.text.slice(0, 2000)}`)]);
    const top = Math.max(...candidates.map((hit) => hit.score)) || 1;
    return candidates
      .map((hit, i) => ({ document: hit.document, score: Math.round(((1 - weight) * (hit.score / top) + weight * Math.max(0, cosine(queryVector!, vectors[i]!))) * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score || (a.document.id < b.document.id ? -1 : 1))
      .slice(0, limit);
  };
}
