import { join, resolve } from 'node:path';
import { runGenerateLoop, type LoopResult } from '../agents/orchestrator.ts';
import type { Progress } from '../agents/progress.ts';
import { createTechnicalVerifier } from '../agents/technical-validation.ts';
import { DEFAULT_TRACE_LIMITS, Trace } from '../agents/trace.ts';
import { Workspace } from '../agents/workspace.ts';
import { UsageError } from '../core/errors.ts';
import { isSeverity, type Severity } from '../core/severity.ts';
import { loadOrBuildKnowledgeBase } from '../kb/build-knowledge-base.ts';
import { createRetriever } from '../kb/hybrid-search.ts';
import { cacheRoot } from '../llm/cache.ts';
import { loadConfigFile } from '../llm/config.ts';
import { createRoleModels } from '../llm/create-models.ts';
import type { ProviderName } from '../llm/providers/provider-definition.ts';

/** Options of {@link generate}: the library form of `iacpac generate`. */
export interface GenerateApiOptions {
  /** What to build, in words. */
  requirements: string;
  /** Rules the generated policies must enforce. */
  regulations?: string;
  /** Output directory (the generated files, report.json, trace.jsonl); default `iacpac-out`. */
  out?: string;
  provider?: ProviderName;
  model?: string;
  baseUrl?: string;
  /** Stop and escalate after this many iterations (default 5). */
  maxIterations?: number;
  /** Security findings at or above this block (default high). */
  severity?: Severity;
  /** The on-disk cache of model replies and the knowledge-base index (default on). */
  cache?: boolean;
  /** Retrieve references from the knowledge base (default on). */
  kb?: boolean;
  /** A config file (default: `.iacpac.yaml` in the current directory, if any). */
  config?: string;
  /** Environment for API keys and provider detection (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Progress lines (default: none). */
  onProgress?: (line: string) => void;
}

/**
 * Generates Terraform and its Rego policies from requirements and verifies them with the multi-agent loop (validate,
 * plan, scan, rego check/test, review). Resolves to the loop's result: `status` `clean` or `escalated`, the final
 * `files`, the iterations and open findings; the files are also written to `out`.
 */
export async function generate(options: GenerateApiOptions): Promise<LoopResult & { out: string }> {
  if (!options || typeof options.requirements !== 'string' || !options.requirements.trim()) {
    throw new UsageError('generate: expected { requirements: "<what to build>" }');
  }
  const env = options.env ?? process.env;
  const { config } = loadConfigFile(options.config);
  const maxIterations = options.maxIterations ?? config.generate?.maxIterations ?? 5;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new UsageError(`generate: maxIterations must be a whole number of at least 1 (got ${maxIterations})`);
  const severity = options.severity ?? config.generate?.severity ?? 'high';
  if (!isSeverity(severity)) throw new UsageError(`generate: severity ${String(severity)}: use info, low, medium, high or critical`);
  const flags = {
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.cache === false ? { cache: false } : {}),
  };
  const models = await createRoleModels(flags, config.llm ?? {}, env);
  const workspace = new Workspace(resolve(options.out ?? 'iacpac-out'), models.secrets);
  workspace.prepare();
  const trace = new Trace(join(workspace.dir, 'trace.jsonl'), models.secrets, Date.now, DEFAULT_TRACE_LIMITS);
  const sink = options.onProgress;
  const progress: Progress = { update: (text) => sink?.(text), line: (text) => sink?.(text), done: () => {} };
  let retriever;
  if (options.kb !== false) {
    const cacheOn = options.cache !== false && config.llm?.cache?.enabled !== false;
    const { kb } = loadOrBuildKnowledgeBase({ docs: config.generate?.docs ?? [] }, cacheOn ? join(cacheRoot(env, config.llm?.cache?.dir), 'kb') : undefined);
    retriever = createRetriever(kb);
  }
  const result = await runGenerateLoop({
    task: { requirements: options.requirements, ...(options.regulations ? { regulations: options.regulations } : {}) },
    maxIterations,
    models: models.roles,
    ...(retriever ? { retriever } : {}),
    verifier: createTechnicalVerifier({ severity }),
    workspace,
    trace,
    progress,
    secrets: models.secrets,
  });
  return { ...result, out: workspace.dir };
}
