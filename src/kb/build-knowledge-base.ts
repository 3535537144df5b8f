import { join } from 'node:path';
import { packageRoot } from '../core/package-root.ts';
import { loadBundledSchemas, loadSchemas } from '../schema/index.ts';
import type { KbDocument } from './kb-document.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { policyDocuments } from './sources/policy-library.ts';
import { schemaDocuments } from './sources/provider-schemas.ts';
import { builtinDocuments } from './sources/rego-builtins.ts';
import { userDocDocuments } from './sources/user-docs.ts';

export interface KnowledgeBaseSources {
  /** User documentation folders (`--docs`). */
  docs?: readonly string[];
  /** Extra provider schema files (`terraform providers schema -json`). */
  schemaFiles?: readonly string[];
  /** Policy library folder (default: the bundled `policies/`). */
  policiesDir?: string;
  /** Index data sources too (default true). */
  dataSources?: boolean;
}

/** All documents: bundled provider schemas (+ user schema files), the policy library, Rego builtins, user docs. */
export function collectDocuments(sources: KnowledgeBaseSources = {}): KbDocument[] {
  const schemas = sources.schemaFiles?.length ? loadSchemas([...sources.schemaFiles]) : loadBundledSchemas();
  return [
    ...schemaDocuments(schemas, { dataSources: sources.dataSources ?? true }),
    ...policyDocuments(sources.policiesDir ?? join(packageRoot(), 'policies')),
    ...builtinDocuments(),
    ...(sources.docs ?? []).flatMap((dir) => userDocDocuments(dir)),
  ];
}

export function buildKnowledgeBase(sources: KnowledgeBaseSources = {}): KnowledgeBase {
  return KnowledgeBase.build(collectDocuments(sources));
}
