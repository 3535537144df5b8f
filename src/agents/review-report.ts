import { STAGE_TITLES, type AgentFinding } from './agent-finding.ts';
import { describeCandidate } from './candidate-rank.ts';
import { policyName, type IterationRecord, type LoopResult } from './orchestrator.ts';
import type { TaskInputs } from './prompts.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface ReviewReportInput {
  task: TaskInputs;
  result: LoopResult;
  maxIterations: number;
}

/**
 * REVIEW.md, written when the loop escalates: the open findings, the reviewer's conflicts and coverage gaps,
 * suggested suppressions with reasons, and what changed in each iteration (unified diffs). Pure.
 */
export function renderReviewReport({ task, result, maxIterations }: ReviewReportInput): string {
  const final = result.iterations.find((it) => it.iteration === result.best) ?? result.iterations.at(-1);
  const lines: string[] = [];
  lines.push('# iacpac generate: human review needed', '');
  lines.push(
    `The loop stopped after ${result.iterations.length} of ${maxIterations} iteration(s) (${stopText(result)}) with ${result.openFindings.length} blocking finding(s) left. ` +
      `The files in this folder are iteration ${result.best}, the best verified candidate${final ? ` (${describeCandidate(final)})` : ''}. Nothing was applied or executed.`,
  );
  const later = result.iterations.filter((it) => it.iteration > result.best);
  if (later.length > 0) {
    lines.push('', 'Later iterations were not better, so their files were not kept:');
    for (const it of later) lines.push(`- iteration ${it.iteration}: ${it.repeats !== undefined ? `repeated the files of iteration ${it.repeats}` : describeCandidate(it)} (regenerated ${regenerated(it)})`);
  }
  lines.push('', '## Requirements', '', quote(task.requirements));
  if (task.regulations) lines.push('', '## Regulations', '', quote(task.regulations));

  lines.push('', '## Open findings', '');
  if (result.openFindings.length === 0) lines.push('None.');
  else {
    lines.push('| # | stage | fed back to | where | finding |', '|---|---|---|---|---|');
    result.openFindings.forEach((f, i) => {
      const where = [f.location, f.resource].filter(Boolean).join(' ') || '-';
      lines.push(`| ${i + 1} | ${STAGE_TITLES[f.stage]} | ${f.target === 'none' ? '-' : f.target === 'iac' ? 'IaC generator' : 'PaC generator'} | ${cell(where)} | ${cell(`${f.id ? `${f.id}: ` : ''}${f.message}`)} |`);
    });
  }

  const review = final?.review;
  lines.push('', `## Reviewer verdict (iteration ${result.best})`, '');
  if (!review) lines.push('No review (the Terraform was not valid, or the reviewer gave no usable verdict).');
  else {
    lines.push(`Intent score: **${review.intent_score}/5**`, '');
    for (const reason of review.reasons) lines.push(`- ${reason}`);
    lines.push('', '### Conflicts', '');
    if (review.conflicts.length === 0) lines.push('None.');
    for (const c of review.conflicts) lines.push(`- ${c.policy ? `\`${c.policy}\` contradicts "${c.requirement}": ` : ''}${c.explanation}`);
    lines.push('', '### Coverage gaps', '');
    if (review.coverage_gaps.length === 0) lines.push('None.');
    for (const gap of review.coverage_gaps) lines.push(`- ${gap}`);
  }

  lines.push('', '## Suggested suppressions', '');
  const suggestions = suggestSuppressions(result);
  if (suggestions.length === 0) lines.push('None: every open finding should be fixed rather than suppressed.');
  for (const s of suggestions) lines.push(`- ${s}`);

  lines.push('', '## Iterations', '');
  let previous: Record<string, string> = {};
  for (const iteration of result.iterations) {
    lines.push(`### Iteration ${iteration.iteration}${iteration.iteration === result.best ? ' (final files)' : ''}`, '');
    lines.push(`Regenerated: ${regenerated(iteration)}. Blocking findings: ${iteration.findings.filter((f) => f.blocking).length}.`);
    for (const [stage, status] of Object.entries(iteration.stages)) lines.push(`- ${stage}: ${status}`);
    for (const notice of iteration.notices) lines.push(`- note: ${notice}`);
    for (const repair of iteration.repairs ?? []) lines.push(`- repaired by iacpac (deterministic, verified): ${repair.location}: ${repair.description}${repair.note ? ` (${repair.note})` : ''}`);
    const diff = diffFiles(previous, iteration.files);
    lines.push('', diff ? `\`\`\`diff\n${diff}\n\`\`\`` : 'No file changes.', '');
    previous = iteration.files;
  }
  lines.push('## Next steps', '');
  lines.push('- Fix the files here by hand, or change the requirements and run `iacpac generate` again.');
  lines.push('- Re-check the folder with `iacpac check <this folder>`; run the policy tests with `iacpac rego test policies/`.');
  lines.push('- Details of every step and model call: `trace.jsonl`; machine-readable summary: `report.json`.');
  return `${lines.join('\n')}\n`;
}

/**
 * Suppressions worth considering: a security finding the IaC generator kept through at least two consecutive
 * iterations despite feedback is likely required by the requirements; a policy the reviewer calls contradictory is
 * a candidate for removal rather than a reason to change the infrastructure.
 */
export function suggestSuppressions(result: LoopResult): string[] {
  const out: string[] = [];
  const iterations = result.iterations;
  for (const finding of result.openFindings) {
    if (finding.stage === 'security-scan' && finding.id && persisted(iterations, finding)) {
      out.push(
        `\`# iacpac:ignore=${finding.id} <reason>\` in ${finding.resource ?? 'the resource'}${finding.location ? ` (${finding.location})` : ''}: ` +
          'the generator kept this setting after feedback, so the requirements may call for it; suppress only if they do, and write that requirement as the reason.',
      );
    }
    if (finding.stage === 'policy-evaluation' && finding.id && conflicted(iterations, finding.id)) {
      out.push(`Remove or relax the generated policy \`${finding.id}\`: the reviewer found it contradicts the requirements, and the Terraform that meets them violates it.`);
    }
  }
  return [...new Set(out)];
}

function persisted(iterations: IterationRecord[], finding: AgentFinding): boolean {
  const matches = (it: IterationRecord) => it.findings.some((f) => f.stage === finding.stage && f.id === finding.id && f.resource === finding.resource);
  return iterations.length >= 2 && matches(iterations.at(-1)!) && matches(iterations.at(-2)!);
}

function conflicted(iterations: IterationRecord[], policyId: string): boolean {
  const review = iterations.at(-1)?.review;
  return !!review?.conflicts.some((c) => policyName(c.policy) !== '' && policyName(c.policy) === policyName(policyId));
}

function stopText(result: LoopResult): string {
  switch (result.stop.reason) {
    case 'stall':
      return `stalled: ${result.stop.detail}`;
    case 'no-review':
      return result.stop.detail;
    case 'max-iterations':
      return 'the iteration limit was reached';
    case 'clean':
      return result.stop.detail;
  }
}

function regenerated(iteration: IterationRecord): string {
  const parts = [iteration.regenerated.iac ? 'Terraform' : '', iteration.regenerated.pac ? 'policies' : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'nothing';
}

function diffFiles(before: Record<string, string>, after: Record<string, string>): string {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.map((name) => unifiedDiff(before[name] ?? '', after[name] ?? '', name)).filter(Boolean).join('\n');
}

function quote(text: string): string {
  return text.trim().split('\n').map((l) => `> ${l}`).join('\n');
}

function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
