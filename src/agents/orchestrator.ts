import { createHash } from 'node:crypto';
import type { Analysis } from '../analysis/analyze.ts';
import { InputError } from '../core/errors.ts';
import type { RoleModel } from '../llm/create-models.ts';
import type { Role } from '../llm/config.ts';
import type { Retriever } from '../kb/hybrid-search.ts';
import { retrieveReferences } from '../kb/retrieve.ts';
import { findingKey, type AgentFinding } from './agent-finding.ts';
import { describeCandidate, isBetter } from './candidate-rank.ts';
import type { CandidateRepairer, RepairOutcome } from './deterministic-repair.ts';
import type { GeneratedFile } from './extract-files.ts';
import { feedbackPrompt } from './feedback-prompt.ts';
import { policyFilesForReview, splitPolicyRulesFromTests } from './policy-files.ts';
import { withPolicyHelpers } from './policy-helpers.ts';
import { runGeneratorTurn, type Generator } from './generator.ts';
import type { Progress } from './progress.ts';
import { IAC_SYSTEM_PROMPT, PAC_SYSTEM_PROMPT, iacUserPrompt, pacUserPrompt, type TaskInputs } from './prompts.ts';
import { runReview, type Review } from './reviewer.ts';
import type { Trace } from './trace.ts';
import type { Verifier } from './verifier.ts';
import type { Workspace } from './workspace.ts';

export interface LoopOptions {
  task: TaskInputs;
  maxIterations: number;
  models: Record<Role, RoleModel>;
  /** Retrieval over the knowledge base (absent: no references in prompts). */
  retriever?: Retriever;
  verifier: Verifier;
  /** Deterministic, verified repairs of the Terraform before each verification (and so before each LLM repair turn). */
  repairer?: CandidateRepairer;
  workspace: Workspace;
  trace: Trace;
  progress: Progress;
  /** API keys in use, masked wherever a reply repeats them. */
  secrets?: readonly string[];
}

export interface IterationRecord {
  iteration: number;
  /** Which generators ran this iteration. */
  regenerated: { iac: boolean; pac: boolean };
  /** Every file after this iteration (path -> content). */
  files: Record<string, string>;
  findings: AgentFinding[];
  /** The Terraform passed validation. */
  terraformValid: boolean;
  review?: Review;
  stages: Record<string, string>;
  notices: string[];
  /** Deterministic repairs kept this iteration (before verification). */
  repairs?: Array<{ kind: string; location: string; description: string; note?: string }>;
  /** This iteration produced exactly the files of an earlier one (which is not verified again). */
  repeats?: number;
}

/** Why the loop stopped. */
export type StopReason = 'clean' | 'max-iterations' | 'stall' | 'no-review';

export interface LoopResult {
  status: 'clean' | 'escalated';
  iterations: IterationRecord[];
  /** Blocking findings of the final files (the best iteration). */
  openFindings: AgentFinding[];
  /** The final files: those of the best iteration, also what --out holds. */
  files: GeneratedFile[];
  /** The iteration whose files are final (the best verified candidate). */
  best: number;
  stop: { reason: StopReason; detail: string };
  retrieved: string[];
}

/**
 * The generate loop: IaC and PaC generators write files, step 1 (technical) and step 2 (review) validate them, the
 * blocking findings become targeted feedback quoting the tools verbatim, until nothing blocks (clean) or the loop
 * escalates: at `maxIterations`, on a stall (an iteration repeats an earlier candidate, or the previous iteration's
 * blocking findings), or when the reviewer gives no usable verdict even when asked twice.
 *
 * Only what failed is regenerated: the IaC generator runs again only for findings about the Terraform, the PaC
 * generator only for findings about the policies. The final files are always the best verified candidate (see
 * candidate-rank.ts), never a later iteration that regressed. Never runs generated code.
 */
export async function runGenerateLoop(options: LoopOptions): Promise<LoopResult> {
  const { task, trace, progress, workspace, verifier } = options;
  const query = [task.requirements, task.regulations ?? ''].join('\n');
  const none = { text: '', ids: [] as string[] };
  const iacRefs = options.retriever ? await retrieveReferences(options.retriever, query, 'iac') : none;
  const pacRefs = options.retriever ? await retrieveReferences(options.retriever, query, 'pac') : none;
  const reviewRefs = options.retriever ? await retrieveReferences(options.retriever, query, 'review') : none;
  trace.step({ iteration: 0, stage: 'retrieve', status: 'end', iac: iacRefs.ids, pac: pacRefs.ids, review: reviewRefs.ids });
  const retrieved = [...new Set([...iacRefs.ids, ...pacRefs.ids, ...reviewRefs.ids])];

  const iac: Generator = { kind: 'terraform', target: 'iac', roleModel: options.models['iac-generator'], systemPrompt: IAC_SYSTEM_PROMPT, userPrompt: iacUserPrompt(task, iacRefs.text), files: [], secrets: options.secrets ?? [] };
  const pac: Generator = { kind: 'rego', target: 'pac', roleModel: options.models['pac-generator'], systemPrompt: PAC_SYSTEM_PROMPT, userPrompt: pacUserPrompt(task, pacRefs.text), files: [], secrets: options.secrets ?? [] };
  const iterations: IterationRecord[] = [];
  const fileKeys: string[] = [];
  let feedback: { iac?: string; pac?: string } = {};
  let best: IterationRecord | undefined;
  let repairedLast: NonNullable<IterationRecord['repairs']> = [];
  let stop: LoopResult['stop'] = { reason: 'max-iterations', detail: `stopped after ${options.maxIterations} iteration(s)` };

  for (let n = 1; n <= options.maxIterations; n++) {
    const label = `[${n}/${options.maxIterations}]`;
    const runIac = n === 1 || feedback.iac !== undefined;
    const runPac = n === 1 || feedback.pac !== undefined;
    const findings: AgentFinding[] = [];
    const notices: string[] = [];
    for (const [generator, run, text] of [
      [iac, runIac, feedback.iac],
      [pac, runPac, feedback.pac],
    ] as const) {
      if (!run) continue;
      progress.update(`${label} ${generator.roleModel.role}: ${n === 1 ? 'writing' : 'repairing'} ${generator.kind === 'terraform' ? 'Terraform' : 'policies'} (${generator.roleModel.model.provider}/${generator.roleModel.model.modelId})`);
      trace.step({ iteration: n, stage: generator.roleModel.role, status: 'start' });
      const turn = await runGeneratorTurn(generator, text, trace, n);
      findings.push(...turn.findings);
      notices.push(...turn.notices);
      trace.step({ iteration: n, stage: generator.roleModel.role, status: 'end', files: turn.files.map((f) => f.path), notices: turn.notices, findings: turn.findings.length });
    }
    if (runPac) {
      const split = splitPolicyRulesFromTests(pac.files);
      if (split.notices.length > 0) {
        pac.files = split.files;
        notices.push(...split.notices);
        trace.step({ iteration: n, stage: 'policy-files', status: 'end', notices: split.notices });
      }
    }
    pac.files = withPolicyHelpers(pac.files);
    const files = [...iac.files, ...pac.files];
    const regenerated = { iac: runIac, pac: runPac };

    let analysis: Analysis | undefined;
    const repairs: NonNullable<IterationRecord['repairs']> = [];
    if (options.repairer && runIac && iac.files.length > 0) {
      workspace.writeFiles(files);
      progress.update(`${label} deterministic repairs: validator errors and policy findings with a declared fix, each verified`);
      trace.step({ iteration: n, stage: 'deterministic-repair', status: 'start' });
      let outcome: RepairOutcome | undefined;
      try {
        outcome = await options.repairer.repair({ dir: workspace.dir, terraform: iac.files, policies: pac.files });
      } catch (error) {
        // Files iacpac cannot read at all: the technical verification reports them to the generator.
        if (!(error instanceof InputError)) throw error;
        trace.step({ iteration: n, stage: 'deterministic-repair', status: 'skip', reason: error.message });
      }
      if (outcome) {
        for (const r of outcome.applied) repairs.push({ kind: r.kind, location: r.location, description: r.description, ...(r.note ? { note: r.note } : {}) });
        trace.step({
          iteration: n,
          stage: 'deterministic-repair',
          status: 'end',
          applied: outcome.applied.map((r) => ({ kind: r.kind, source: r.source, location: r.location, description: r.description, reason: r.reason, ...(r.note ? { note: r.note } : {}) })),
          rejected: outcome.rejected.map(({ repair, reason }) => ({ kind: repair.kind, location: repair.location, description: repair.description, reason })),
        });
        if (outcome.applied.length > 0) {
          iac.files = outcome.terraform;
          iac.lastReply = replyWithFiles(iac.files);
          files.splice(0, files.length, ...iac.files, ...pac.files);
        }
        analysis = outcome.analysis;
      }
    }
    if (runIac) repairedLast = repairs;

    const key = filesKey(files);
    const repeated = fileKeys.indexOf(key);
    fileKeys.push(key);
    if (repeated >= 0) {
      const earlier = iterations[repeated]!;
      iterations.push({ ...earlier, iteration: n, regenerated, notices, repeats: earlier.iteration, stages: { repeat: `same files as iteration ${earlier.iteration}: not verified again` } });
      stop = { reason: 'stall', detail: `iteration ${n} repeated the files of iteration ${earlier.iteration}` };
      progress.line(`${label} stalled: ${stop.detail}`);
      break;
    }
    workspace.writeFiles(files);

    progress.update(`${label} validating: terraform validate, plan, security scan, rego check/test, policies on the plan`);
    trace.step({ iteration: n, stage: 'technical-validation', status: 'start' });
    const technical = await verifier.verify({ dir: workspace.dir, terraform: iac.files, policies: pac.files, ...(analysis ? { analysis } : {}) });
    findings.push(...technical.findings);
    trace.step({ iteration: n, stage: 'technical-validation', status: 'end', stages: technical.stages, findings: technical.findings });

    let review: Review | undefined;
    const stages: Record<string, string> = { ...(repairs.length > 0 ? { 'deterministic-repair': `${repairs.length} repair(s) kept` } : {}), ...technical.stages };
    if (technical.terraformValid && iac.files.length > 0) {
      progress.update(`${label} reviewer: checking intent, coverage and conflicts (${options.models.reviewer.model.provider}/${options.models.reviewer.model.modelId})`);
      trace.step({ iteration: n, stage: 'review', status: 'start' });
      const reviewed = await runReview(
        options.models.reviewer,
        {
          task,
          terraform: iac.files,
          policies: policyFilesForReview(pac.files),
          plan: planSummary(technical.plan),
          technical: technical.findings.filter((f) => f.blocking).map((f) => `- ${f.stage}: ${f.message}`).join('\n'),
          references: reviewRefs.text,
        },
        trace,
        n,
      );
      review = reviewed.review;
      findings.push(...reviewed.findings);
      stages.review = review ? `intent ${review.intent_score}/5, ${review.coverage_gaps.length} gap(s), ${review.conflicts.length} conflict(s)` : 'no usable verdict (asked twice)';
      trace.step({ iteration: n, stage: 'review', status: 'end', review, findings: reviewed.findings });
    } else {
      stages.review = 'skipped (Terraform not valid)';
      trace.step({ iteration: n, stage: 'review', status: 'skip', reason: 'Terraform not valid' });
    }

    if (review) routeConflicts(findings, review);
    const record: IterationRecord = {
      iteration: n,
      regenerated,
      files: Object.fromEntries(files.map((f) => [f.path, f.content])),
      findings,
      terraformValid: technical.terraformValid,
      ...(review ? { review } : {}),
      stages,
      notices,
      ...(repairs.length > 0 ? { repairs } : {}),
    };
    iterations.push(record);
    if (!best || isBetter(record, best)) best = record;
    const open = blockingOf(findings);
    progress.line(`${label} ${open.length === 0 ? 'clean' : `${open.length} blocking finding(s)`}: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join('; ')}`);
    if (open.length === 0) {
      best = record;
      stop = { reason: 'clean', detail: `clean at iteration ${n}` };
      break;
    }
    if (open.some((f) => f.stage === 'review' && f.target === 'none')) {
      stop = { reason: 'no-review', detail: `the reviewer gave no usable verdict at iteration ${n}, also when asked again` };
      break;
    }
    const previous = iterations.at(-2);
    if (previous && previous.repeats === undefined && sameFindings(blockingOf(previous.findings), open)) {
      stop = { reason: 'stall', detail: `iteration ${n} has the same ${open.length} blocking finding(s) as iteration ${previous.iteration}` };
      break;
    }
    const toIac = findings.filter((f) => f.target === 'iac');
    const toPac = findings.filter((f) => f.target === 'pac');
    feedback = {
      ...(toIac.some((f) => f.blocking) ? { iac: feedbackPrompt(toIac, repairedLast.map((r) => `${r.location}: ${r.description}`)) } : {}),
      ...(toPac.some((f) => f.blocking) ? { pac: feedbackPrompt(toPac) } : {}),
    };
    if (feedback.iac === undefined && feedback.pac === undefined) {
      stop = { reason: 'stall', detail: `no generator can fix the ${open.length} blocking finding(s) of iteration ${n}` };
      break;
    }
  }

  const final = best!;
  const finalFiles = Object.entries(final.files).map(([path, content]) => ({ path, content }));
  const last = iterations.at(-1)!;
  if (last !== final) workspace.writeFiles(finalFiles);
  const status = stop.reason === 'clean' ? 'clean' : 'escalated';
  trace.step({ iteration: last.iteration, stage: 'loop', status: 'end', result: status, stop: stop.reason, detail: stop.detail, best: final.iteration, bestCandidate: describeCandidate(final), open: blockingOf(final.findings).length });
  if (status === 'escalated' && final !== last) progress.line(`escalating with the files of iteration ${final.iteration}, the best candidate (${describeCandidate(final)})`);
  return { status, iterations, openFindings: status === 'clean' ? [] : blockingOf(final.findings), files: finalFiles, best: final.iteration, stop, retrieved };
}

/**
 * When the reviewer says a generated policy contradicts a requirement, that policy's violations on the plan go to
 * the PaC generator (fix the policy), not to the IaC generator (which would have to break the requirement).
 */
export function routeConflicts(findings: AgentFinding[], review: Review): void {
  const conflicted = review.conflicts.map((c) => policyName(c.policy)).filter((name) => name !== '');
  for (const finding of findings) {
    if (finding.stage !== 'policy-evaluation' || !finding.id) continue;
    if (conflicted.includes(policyName(finding.id))) {
      finding.target = 'pac';
      finding.hint = 'the reviewer found that this policy contradicts the requirements: change the policy, not the Terraform';
    }
  }
}

/** `policies/s3_public.rego`, `s3_public.rego`, `iacpac.generated.s3_public`, `s3_public` -> `s3_public`. */
export function policyName(reference: string): string {
  return reference.trim().replace(/\.rego$/, '').split(/[/.]/).filter(Boolean).at(-1) ?? '';
}

function blockingOf(findings: readonly AgentFinding[]): AgentFinding[] {
  return [...new Map(findings.filter((f) => f.blocking).map((f) => [findingKey(f), f])).values()];
}

/** The same problems (stage, id, resource and message; not where they are, which moves with unrelated edits). */
function sameFindings(a: readonly AgentFinding[], b: readonly AgentFinding[]): boolean {
  const keys = (list: readonly AgentFinding[]) => [...new Set(list.map((f) => findingKey({ ...f, location: '' })))].sort().join('\n');
  return a.length > 0 && keys(a) === keys(b);
}

function filesKey(files: readonly GeneratedFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) hash.update(`${file.path}\0${file.content}\0`);
  return hash.digest('hex');
}

/** A reply holding exactly `files` (what the generator's last turn is replayed as after deterministic repairs). */
function replyWithFiles(files: readonly GeneratedFile[]): string {
  return files.map((f) => `\`\`\`hcl file=${f.path}\n${f.content.replace(/\n$/, '')}\n\`\`\``).join('\n\n');
}

/** A compact plan summary for the reviewer: each resource change with its actions and known planned values. */
export function planSummary(plan: unknown, maxChars = 12_000): string {
  const changes = (plan as { resource_changes?: Array<{ address?: string; change?: { actions?: string[]; after?: unknown } }> } | undefined)?.resource_changes;
  if (!Array.isArray(changes)) return '';
  const lines = changes.map((rc) => `${rc.address ?? '?'} [${(rc.change?.actions ?? []).join(',')}] ${JSON.stringify(rc.change?.after ?? null)}`);
  const text = lines.join('\n');
  return text.length > maxChars ? `${text.slice(0, maxChars)}\n... (truncated)` : text;
}
