import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitError, InputError, UsageError, errorMessage } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { loadOrBuildKnowledgeBase } from '../../../kb/build-knowledge-base.ts';
import { cacheRoot } from '../../../llm/cache.ts';
import { createRetriever, type Retriever } from '../../../kb/hybrid-search.ts';
import { createEmbedder } from '../../../llm/embeddings.ts';
import { loadConfigFile } from '../../../llm/config.ts';
import { createRoleModels, type ResolvedModels } from '../../../llm/create-models.ts';
import { redact, redactValue } from '../../../llm/redact.ts';
import { PROVIDER_NAMES, type ProviderName } from '../../../llm/providers/provider-definition.ts';
import { askDecision, createPrompter } from './interactive.ts';
import { planSummary, runGenerateLoop, type LoopResult } from '../../../agents/orchestrator.ts';
import { createProgress } from './progress.ts';
import type { TaskInputs } from '../../../agents/prompts.ts';
import { renderReviewReport } from '../../../agents/review-report.ts';
import { runReview } from '../../../agents/reviewer.ts';
import { buildRunReport, type RunStatus } from '../../../agents/run-report.ts';
import { createTechnicalVerifier } from '../../../agents/technical-validation.ts';
import { createDeterministicRepairer } from '../../../agents/deterministic-repair.ts';
import { SEVERITIES, isSeverity, type Severity } from '../../../core/severity.ts';
import { DEFAULT_TRACE_LIMITS, Trace } from '../../../agents/trace.ts';
import { Workspace } from '../../../agents/workspace.ts';

export interface GenerateOptions {
  /** Requirements text given on the command line. */
  requirementsText?: string;
  /** --requirements <file> */
  requirements?: string;
  regulations?: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  maxIterations?: string | number;
  out?: string;
  interactive?: boolean;
  config?: string;
  docs?: string[];
  severity?: string;
  /** --no-cache: no on-disk cache is read or written (model replies, knowledge-base index, embeddings). */
  cache?: boolean;
  /** --cache-dir: the cache root (default $IACPAC_CACHE_DIR, else $XDG_CACHE_HOME/iacpac, else ~/.cache/iacpac). */
  cacheDir?: string;
  /** --no-kb */
  kb?: boolean;
  /** --embeddings: re-rank retrieval with embeddings from the configured provider. */
  embeddings?: boolean;
  /** --no-autofix: no deterministic repairs before verification (every repair is asked of the model). */
  autofix?: boolean;
}

export interface GenerateIo {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const MAX_INPUT_BYTES = 1_000_000;

/**
 * `iacpac generate`: requirements (+ regulations) -> Terraform + Rego policies in --out, verified by the loop.
 * Exit 0 when clean (or approved), 3 when escalated to a human (REVIEW.md), 2 on usage/configuration errors.
 */
export async function generate(options: GenerateOptions, io: GenerateIo = { stdin: process.stdin, stderr: process.stderr, env: process.env, cwd: process.cwd() }): Promise<void> {
  const task = readTask(options, io.cwd);
  const { config } = loadConfigFile(options.config, io.cwd);
  const maxIterations = parseIterations(options.maxIterations ?? config.generate?.maxIterations ?? 5);
  const severity = parseSeverity(options.severity ?? config.generate?.severity ?? 'high');
  if (options.provider !== undefined && !(PROVIDER_NAMES as readonly string[]).includes(options.provider)) {
    throw new UsageError(`--provider ${options.provider}: expected one of ${PROVIDER_NAMES.join(', ')}`);
  }
  if (options.interactive && !io.stdin.isTTY) throw new UsageError('--interactive needs a terminal on stdin (run it in a shell, not a pipe)');
  const llmFlags = {
    ...(options.provider ? { provider: options.provider as ProviderName } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.cacheDir ? { cacheDir: resolve(io.cwd, options.cacheDir) } : {}),
  };
  const progress = createProgress(io.stderr);
  const onRetry = ({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: Error }): void =>
    progress.line(`  ${error.message}; retry ${attempt} in ${Math.round(delayMs / 100) / 10} s`);
  const models = await createRoleModels(llmFlags, config.llm ?? {}, io.env, { retry: { onRetry } });

  const workspace = new Workspace(resolve(io.cwd, options.out ?? 'iacpac-out'), models.secrets);
  workspace.prepare();
  const trace = new Trace(join(workspace.dir, 'trace.jsonl'), models.secrets, Date.now, { ...DEFAULT_TRACE_LIMITS, ...(config.generate?.maxTraceBytes ? { maxBytes: config.generate.maxTraceBytes } : {}) });
  trace.step({ iteration: 0, stage: 'start', status: 'end', models: describeModels(models), maxIterations, severity, out: workspace.dir });

  let retriever: Retriever | undefined;
  if (options.kb !== false) {
    progress.update('building the knowledge base (provider schemas, policy library, Rego builtins, docs)');
    const docs = [...(config.generate?.docs ?? []), ...(options.docs ?? [])].map((d) => resolve(io.cwd, d));
    // --no-cache (or llm.cache.enabled: false) builds the index in memory and writes nothing outside --out.
    const cacheOn = options.cache !== false && config.llm?.cache?.enabled !== false;
    const { kb, cached } = loadOrBuildKnowledgeBase({ docs }, cacheOn ? join(cacheRoot(io.env, llmFlags.cacheDir ?? config.llm?.cache?.dir), 'kb') : undefined);
    retriever = createRetriever(kb);
    if (options.embeddings || config.llm?.embeddings) {
      const embedder = await createEmbedder(llmFlags, config.llm ?? {}, io.env);
      retriever = createRetriever(kb, embedder);
      trace.step({ iteration: 0, stage: 'embeddings', status: 'end', provider: embedder.provider, model: embedder.modelId });
    }
    trace.step({ iteration: 0, stage: 'knowledge-base', status: 'end', documents: kb.counts(), cached });
  }

  const verifier = createTechnicalVerifier({ severity });
  const repairer = options.autofix === false ? undefined : createDeterministicRepairer({ severity });
  let result: LoopResult | undefined;
  let status: RunStatus;
  try {
    result = await runGenerateLoop({ task, maxIterations, models: models.roles, ...(retriever ? { retriever } : {}), verifier, ...(repairer ? { repairer } : {}), workspace, trace, progress, secrets: models.secrets });
    status = result.status;
    if (status === 'escalated' && options.interactive) status = await interact(result, { task, workspace, verifier, models, trace, io, maxIterations });
  } catch (error) {
    progress.done();
    const report = buildRunReport({ status: 'error', exitCode: 2, task, maxIterations, models: models.roles, totals: trace.totals, elapsedMs: trace.elapsedMs(), error: errorMessage(error) });
    workspace.writeText('report.json', `${JSON.stringify(redactValue(report, models.secrets), null, 2)}\n`);
    // Whatever raised it, the message reaches the terminal without a key in it.
    if (error instanceof Error) error.message = redact(error.message, models.secrets);
    throw error;
  }
  progress.done();

  const exitCode = status === 'clean' || status === 'approved' ? 0 : 3;
  const report = buildRunReport({ status, exitCode, task, maxIterations, models: models.roles, result, totals: trace.totals, elapsedMs: trace.elapsedMs() });
  workspace.writeText('report.json', `${JSON.stringify(redactValue(report, models.secrets), null, 2)}\n`);
  if (result.status === 'escalated') workspace.writeText('REVIEW.md', renderReviewReport({ task, result, maxIterations }));

  const t = trace.totals;
  const final = result.best === result.iterations.length ? '' : `; the files are iteration ${result.best}, the best candidate`;
  const why = result.stop.reason === 'clean' ? '' : ` (${result.stop.reason === 'max-iterations' ? 'iteration limit reached' : result.stop.detail})`;
  logger.out(`${status === 'clean' ? 'clean' : status}: ${result.iterations.length} iteration(s)${why}${final}, ${result.files.length} file(s) in ${workspace.dir}`);
  for (const file of result.files) logger.out(`  ${file.path}`);
  logger.out(
    `LLM: ${t.llmCalls} call(s) (${t.cachedCalls} cached), ${t.inputTokens} input + ${t.outputTokens} output tokens, $${t.costUsd.toFixed(4)}, ` +
      `${t.retries} transient retr${t.retries === 1 ? 'y' : 'ies'}, ${t.modelFailures} unusable repl${t.modelFailures === 1 ? 'y' : 'ies'}`,
  );
  if (trace.truncated) logger.out(`trace.jsonl stopped at its bound (generate.maxTraceBytes in .iacpac.yaml raises it)`);
  if (result.status === 'escalated' && result.openFindings.length > 0) {
    logger.out(`${result.openFindings.length} open finding(s): see ${join(workspace.dir, 'REVIEW.md')}`);
  }
  if (exitCode !== 0) throw new ExitError(exitCode);
}

interface InteractContext {
  task: TaskInputs;
  workspace: Workspace;
  verifier: ReturnType<typeof createTechnicalVerifier>;
  models: ResolvedModels;
  trace: Trace;
  io: GenerateIo;
  maxIterations: number;
}

/** --interactive: approve, edit (then re-verify the edited files: technical + review), or reject. */
async function interact(result: LoopResult, context: InteractContext): Promise<RunStatus> {
  const { io, workspace, trace } = context;
  const prompter = createPrompter(io.stdin, io.stderr);
  try {
    for (let round = 1; round <= 5; round++) {
      const decision = await askDecision(prompter, io.stderr, `Escalated with ${result.openFindings.length} open finding(s); the files are in ${workspace.dir}.`);
      trace.step({ iteration: result.iterations.length, stage: 'human', status: 'end', decision });
      if (decision !== 'edit') return decision === 'approve' ? 'approved' : 'rejected';
      await prompter.question(`Edit the files in ${workspace.dir}, then press Enter to verify them again. `);
      const files = workspace.readFiles();
      const terraform = files.filter((f) => !f.path.startsWith('policies/'));
      const policies = files.filter((f) => f.path.startsWith('policies/'));
      const technical = await context.verifier.verify({ dir: workspace.dir, terraform, policies });
      const reviewed = technical.terraformValid
        ? await runReview(context.models.roles.reviewer, { task: context.task, terraform, policies: policies.filter((f) => !f.path.endsWith('_test.rego') && !f.path.startsWith('policies/lib/')), plan: planSummary(technical.plan), technical: '', references: '' }, trace, result.iterations.length)
        : { findings: [] };
      const open = [...technical.findings, ...reviewed.findings].filter((f) => f.blocking);
      io.stderr.write(open.length === 0 ? 'The edited files verify clean.\n' : `${open.length} blocking finding(s) remain:\n${open.map((f) => `  - ${f.stage}: ${f.message}`).join('\n')}\n`);
      if (open.length === 0) {
        result.files = files;
        result.openFindings = [];
        return 'approved';
      }
      result.openFindings = open;
    }
    return 'rejected';
  } finally {
    prompter.close();
  }
}

function readTask(options: GenerateOptions, cwd: string): TaskInputs {
  if (options.requirementsText !== undefined && options.requirements !== undefined) {
    throw new UsageError('give the requirements either as text or with --requirements <file>, not both');
  }
  const requirements = options.requirements !== undefined ? readTextFile(options.requirements, '--requirements', cwd) : options.requirementsText;
  if (requirements === undefined || requirements.trim() === '') {
    throw new UsageError('no requirements: run iacpac generate "<requirements>" or iacpac generate --requirements <file>');
  }
  const regulations = options.regulations !== undefined ? readTextFile(options.regulations, '--regulations', cwd) : undefined;
  return { requirements, ...(regulations?.trim() ? { regulations } : {}) };
}

function readTextFile(path: string, flag: string, cwd: string): string {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new InputError(`${flag} ${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${flag} ${path}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${flag} ${path}: larger than 1 MB; shorten it`);
  const buffer = readFileSync(full);
  if (buffer.includes(0)) throw new InputError(`${flag} ${path}: not a text file`);
  return buffer.toString('utf8');
}

function parseIterations(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--max-iterations ${value}: expected a whole number from 1 to 50`);
  return n;
}

function parseSeverity(value: string): Severity {
  if (!isSeverity(value)) throw new UsageError(`--severity ${value}: expected one of ${SEVERITIES.join(', ')}`);
  return value;
}

function describeModels(models: ResolvedModels): Record<string, string> {
  return Object.fromEntries(Object.entries(models.roles).map(([role, m]) => [role, `${m.model.provider}/${m.model.modelId}${m.model.baseUrl ? ` @ ${m.model.baseUrl}` : ''}`]));
}
