import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, UsageError, errorMessage } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { buildKnowledgeBase, loadOrBuildKnowledgeBase } from '../../../kb/build-knowledge-base.ts';
import { cacheRoot } from '../../../llm/cache.ts';
import type { KbKind } from '../../../kb/kb-document.ts';
import { KnowledgeBase } from '../../../kb/knowledge-base.ts';
import { hybridSearcher, lexicalSearcher } from '../../../kb/hybrid-search.ts';
import { loadConfigFile } from '../../../llm/config.ts';
import { createEmbedder } from '../../../llm/embeddings.ts';

export interface KbBuildOptions {
  docs?: string[];
  schema?: string[];
  out?: string;
}

export async function kbBuild(options: KbBuildOptions): Promise<void> {
  const started = performance.now();
  const kb = buildKnowledgeBase({ ...(options.docs ? { docs: options.docs.map((d) => resolve(d)) } : {}), ...(options.schema ? { schemaFiles: options.schema } : {}) });
  const counts = kb.counts();
  logger.out(`${kb.size} documents: ${counts.schema} schema, ${counts.policy} policy, ${counts.builtin} builtin, ${counts.doc} doc (${Math.round(performance.now() - started)} ms)`);
  if (options.out) {
    writeFileSync(options.out, kb.toJSON());
    logger.out(`saved to ${options.out}`);
  }
}

export interface KbSearchOptions {
  kind?: KbKind[];
  limit?: string;
  docs?: string[];
  index?: string;
  full?: boolean;
  format?: 'text' | 'json';
  embeddings?: boolean;
  config?: string;
}

export async function kbSearch(query: string, options: KbSearchOptions): Promise<void> {
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit ${options.limit}: expected a whole number from 1 to 1000`);
  let kb: KnowledgeBase;
  if (options.index) {
    if (!existsSync(options.index)) throw new InputError(`--index ${options.index}: no such file (create it with iacpac kb build --out ${options.index})`);
    try {
      kb = KnowledgeBase.fromJSON(readFileSync(options.index, 'utf8'));
    } catch (error) {
      throw new InputError(`--index ${options.index}: not a knowledge base index: ${errorMessage(error)}`);
    }
  } else {
    kb = loadOrBuildKnowledgeBase(options.docs ? { docs: options.docs.map((d) => resolve(d)) } : {}, join(cacheRoot(process.env), 'kb')).kb;
  }
  let search = lexicalSearcher(kb);
  if (options.embeddings) {
    const { config } = loadConfigFile(options.config);
    search = hybridSearcher(kb, await createEmbedder({}, config.llm ?? {}, process.env));
  }
  const hits = await search(query, { limit, ...(options.kind ? { kinds: options.kind } : {}) });
  if (options.format === 'json') {
    logger.out(JSON.stringify(hits.map((h) => ({ id: h.document.id, kind: h.document.kind, title: h.document.title, score: h.score, source: h.document.source, text: h.document.text })), null, 2));
    return;
  }
  if (hits.length === 0) {
    logger.out('no results');
    return;
  }
  for (const hit of hits) {
    logger.out(`${hit.score.toFixed(2).padStart(8)}  ${hit.document.kind.padEnd(7)} ${hit.document.title}  (${hit.document.source})`);
    if (options.full) logger.out(`${hit.document.text.replace(/^/gm, '          ')}\n`);
  }
}
