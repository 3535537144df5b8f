import MiniSearch from 'minisearch';
import type { KbDocument, KbKind } from './kb-document.ts';

export interface KbSearchOptions {
  kinds?: readonly KbKind[];
  limit?: number;
}

export interface KbHit {
  document: KbDocument;
  score: number;
}

const SEARCH_OPTIONS = {
  boost: { title: 3, keywords: 2, text: 1 },
  prefix: true,
  fuzzy: 0.15,
  // Managed resources are what generators write; data sources rank a little lower for the same words.
  boostDocument: (id: string) => (id.startsWith('schema:data.') ? 0.6 : 1),
};
const FORMAT_VERSION = 1;

/** Lexical BM25 retrieval (minisearch) over schema, policy, builtin and user-doc documents. */
export class KnowledgeBase {
  private readonly byId = new Map<string, KbDocument>();

  private constructor(private readonly index: MiniSearch<KbDocument>, documents: readonly KbDocument[]) {
    for (const document of documents) this.byId.set(document.id, document);
  }

  static build(documents: readonly KbDocument[]): KnowledgeBase {
    const index = new MiniSearch<KbDocument>({ fields: ['title', 'keywords', 'text'], storeFields: [], idField: 'id', searchOptions: SEARCH_OPTIONS });
    const unique = [...new Map(documents.map((d) => [d.id, d])).values()];
    index.addAll(unique);
    return new KnowledgeBase(index, unique);
  }

  /** Restores a knowledge base saved with `toJSON()`. */
  static fromJSON(json: string): KnowledgeBase {
    const saved = JSON.parse(json) as { version: number; index: unknown; documents: KbDocument[] };
    if (saved.version !== FORMAT_VERSION) throw new Error(`knowledge base format ${saved.version} is not ${FORMAT_VERSION}; rebuild it`);
    const index = MiniSearch.loadJS<KbDocument>(saved.index as Parameters<typeof MiniSearch.loadJS>[0], {
      fields: ['title', 'keywords', 'text'],
      storeFields: [],
      idField: 'id',
      searchOptions: SEARCH_OPTIONS,
    });
    return new KnowledgeBase(index, saved.documents);
  }

  toJSON(): string {
    return JSON.stringify({ version: FORMAT_VERSION, index: this.index.toJSON(), documents: [...this.byId.values()] });
  }

  get size(): number {
    return this.byId.size;
  }

  counts(): Record<KbKind, number> {
    const counts: Record<KbKind, number> = { schema: 0, policy: 0, builtin: 0, doc: 0 };
    for (const document of this.byId.values()) counts[document.kind]++;
    return counts;
  }

  search(query: string, options: KbSearchOptions = {}): KbHit[] {
    const limit = options.limit ?? 10;
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    if (!query.trim()) return [];
    const results = this.index.search(query.slice(0, 4000), {
      ...(kinds ? { filter: (result) => kinds.has(this.byId.get(String(result.id))!.kind) } : {}),
    });
    return results.slice(0, limit).map((r) => ({ document: this.byId.get(String(r.id))!, score: Math.round(r.score * 1000) / 1000 }));
  }
}
