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

const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from has have in into is it its must need needs no not of on or our should so that the their them then there these this those to use used using was we were when which while who will with within without you your all any each every only also than'.split(' '),
);

/** Lower-cased terms without stop words (indexing and queries alike). */
function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
}

const SEARCH_OPTIONS = {
  boost: { title: 3, keywords: 2, text: 1 },
  prefix: (term: string) => term.length >= 4,
  fuzzy: (term: string) => (term.length > 5 ? 0.15 : false),
  boostDocument: schemaBoost,
};

/**
 * Managed resources are what generators write, so data sources rank lower for the same words; and the core type of
 * a service (`aws_instance`, `aws_s3_bucket`) ranks above its many satellites (`aws_ec2_instance_type_offering`).
 */
function schemaBoost(id: string): number {
  if (!id.startsWith('schema:')) return 1;
  if (id.startsWith('schema:data.')) return 0.6;
  const words = id.slice('schema:'.length).split('_').length;
  return 1 + 0.6 / Math.max(1, words - 1);
}

/**
 * Schema documents are matched on their type name (and block names), not on every argument they list: a long
 * requirement would otherwise pull the resource types with the most arguments.
 */
const FIELDS_BY_KIND: Partial<Record<KbKind, string[]>> = { schema: ['title', 'keywords'] };
const FORMAT_VERSION = 2;

/** Lexical BM25 retrieval (minisearch) over schema, policy, builtin and user-doc documents. */
export class KnowledgeBase {
  /** Version of the saved index format (`toJSON`). */
  static readonly FORMAT_VERSION = FORMAT_VERSION;
  private readonly byId = new Map<string, KbDocument>();

  private constructor(private readonly index: MiniSearch<KbDocument>, documents: readonly KbDocument[]) {
    for (const document of documents) this.byId.set(document.id, document);
  }

  static build(documents: readonly KbDocument[]): KnowledgeBase {
    const index = new MiniSearch<KbDocument>({ fields: ['title', 'keywords', 'text'], storeFields: [], idField: 'id', processTerm, searchOptions: SEARCH_OPTIONS });
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
      processTerm,
      searchOptions: SEARCH_OPTIONS,
    });
    return new KnowledgeBase(index, saved.documents);
  }

  toJSON(): string {
    return JSON.stringify({ version: FORMAT_VERSION, index: this.index.toJSON(), documents: [...this.byId.values()] });
  }

  /** A document by id, e.g. `builtin:sprintf`. */
  get(id: string): KbDocument | undefined {
    return this.byId.get(id);
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
    const fields = kinds && kinds.size === 1 ? FIELDS_BY_KIND[[...kinds][0]!] : undefined;
    const results = this.index.search(query.slice(0, 4000), {
      ...(fields ? { fields } : {}),
      ...(kinds ? { filter: (result) => kinds.has(this.byId.get(String(result.id))!.kind) } : {}),
    });
    return results.slice(0, limit).map((r) => ({ document: this.byId.get(String(r.id))!, score: Math.round(r.score * 1000) / 1000 }));
  }
}
