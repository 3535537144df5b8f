import type { RoleModel } from '../llm/create-models.ts';
import type { Role } from '../llm/config.ts';
import type { Retriever } from '../kb/hybrid-search.ts';
import { retrieveReferences } from '../kb/retrieve.ts';
import { findingKey, type AgentFinding } from './agent-finding.ts';
import type { GeneratedFile } from './extract-files.ts';
import { feedbackPrompt } from './feedback-prompt.ts';
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
  review?: Review;
  stages: Record<string, string>;
  notices: string[];
}

export interface LoopResult {
  status: 'clean' | 'escalated';
  iterations: IterationRecord[];
  /** Blocking findings left after the last iteration. */
  openFindings: AgentFinding[];
  files: GeneratedFile[];
  retrieved: string[];
}

/**
 * The generate loop: IaC and PaC generators write files, step 1 (technical) and step 2 (review) validate them, the
 * blocking findings become targeted feedback (IaC generator, PaC generator or both) quoting the tools verbatim,
 * until nothing blocks (clean) or `maxIterations` is reached (escalated). Never runs generated code.
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
  let feedback: { iac?: string; pac?: string } = {};
  let open: AgentFinding[] = [];

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
    pac.files = withPolicyHelpers(pac.files);
    const files = [...iac.files, ...pac.files];
    workspace.writeFiles(files);

    progress.update(`${label} validating: terraform validate, plan, security scan, rego check/test, policies on the plan`);
    trace.step({ iteration: n, stage: 'technical-validation', status: 'start' });
    const technical = await verifier.verify({ dir: workspace.dir, terraform: iac.files, policies: pac.files });
    findings.push(...technical.findings);
    trace.step({ iteration: n, stage: 'technical-validation', status: 'end', stages: technical.stages, findings: technical.findings });

    let review: Review | undefined;
    const stages = { ...technical.stages };
    if (technical.terraformValid && iac.files.length > 0) {
      progress.update(`${label} reviewer: checking intent, coverage and conflicts (${options.models.reviewer.model.provider}/${options.models.reviewer.model.modelId})`);
      trace.step({ iteration: n, stage: 'review', status: 'start' });
      const reviewed = await runReview(
        options.models.reviewer,
        {
          task,
          terraform: iac.files,
          policies: pac.files.filter((f) => !f.path.endsWith('_test.rego') && !f.path.startsWith('policies/lib/')),
          plan: planSummary(technical.plan),
          technical: technical.findings.filter((f) => f.blocking).map((f) => `- ${f.stage}: ${f.message}`).join('\n'),
          references: reviewRefs.text,
        },
        trace,
        n,
      );
      review = reviewed.review;
      findings.push(...reviewed.findings);
      stages.review = review ? `intent ${review.intent_score}/5, ${review.coverage_gaps.length} gap(s), ${review.conflicts.length} conflict(s)` : 'no valid verdict';
      trace.step({ iteration: n, stage: 'review', status: 'end', review, findings: reviewed.findings });
    } else {
      stages.review = 'skipped (Terraform not valid)';
      trace.step({ iteration: n, stage: 'review', status: 'skip', reason: 'Terraform not valid' });
    }

    if (review) routeConflicts(findings, review);
    open = dedupe(findings.filter((f) => f.blocking));
    iterations.push({ iteration: n, regenerated: { iac: runIac, pac: runPac }, files: Object.fromEntries(files.map((f) => [f.path, f.content])), findings, ...(review ? { review } : {}), stages, notices });
    progress.line(`${label} ${open.length === 0 ? 'clean' : `${open.length} blocking finding(s)`}: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join('; ')}`);
    if (open.length === 0) {
      trace.step({ iteration: n, stage: 'loop', status: 'end', result: 'clean' });
      return { status: 'clean', iterations, openFindings: [], files, retrieved };
    }
    const toIac = findings.filter((f) => f.target === 'iac');
    const toPac = findings.filter((f) => f.target === 'pac');
    feedback = {
      ...(toIac.some((f) => f.blocking) ? { iac: feedbackPrompt(toIac) } : {}),
      ...(toPac.some((f) => f.blocking) ? { pac: feedbackPrompt(toPac) } : {}),
    };
    if (feedback.iac === undefined && feedback.pac === undefined) {
      // Only findings no generator can fix (e.g. no usable review): ask both to restate, so the next review differs.
      feedback = { iac: feedbackPrompt(toIac), pac: feedbackPrompt(toPac) };
    }
  }
  trace.step({ iteration: options.maxIterations, stage: 'loop', status: 'end', result: 'escalated', open: open.length });
  return { status: 'escalated', iterations, openFindings: open, files: [...iac.files, ...pac.files], retrieved };
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

function dedupe(findings: AgentFinding[]): AgentFinding[] {
  return [...new Map(findings.map((f) => [findingKey(f), f])).values()];
}

/** A compact plan summary for the reviewer: each resource change with its actions and known planned values. */
export function planSummary(plan: unknown, maxChars = 12_000): string {
  const changes = (plan as { resource_changes?: Array<{ address?: string; change?: { actions?: string[]; after?: unknown } }> } | undefined)?.resource_changes;
  if (!Array.isArray(changes)) return '';
  const lines = changes.map((rc) => `${rc.address ?? '?'} [${(rc.change?.actions ?? []).join(',')}] ${JSON.stringify(rc.change?.after ?? null)}`);
  const text = lines.join('\n');
  return text.length > maxChars ? `${text.slice(0, maxChars)}\n... (truncated)` : text;
}
