import { STAGE_TITLES, type AgentFinding, type Stage } from './agent-finding.ts';

const STAGE_ORDER: Stage[] = [
  'format',
  'secret',
  'terraform-validate',
  'plan',
  'security-scan',
  'rego-check',
  'rego-test',
  'test-coverage',
  'policy-evaluation',
  'review',
];

/**
 * The repair request sent to a generator: every finding grouped by stage, in a fixed order, quoting the tools'
 * messages verbatim with their location, resource and hint. Pure (a snapshot-tested function of its input).
 */
export function feedbackPrompt(findings: readonly AgentFinding[], repaired: readonly string[] = []): string {
  const blocking = findings.filter((f) => f.blocking);
  const advisory = findings.filter((f) => !f.blocking);
  const lines: string[] = [];
  lines.push(
    blocking.length > 0
      ? `Your previous files failed verification with ${blocking.length} problem${blocking.length === 1 ? '' : 's'}. Fix every problem below and reply with the complete corrected set of files (every file, in fenced code blocks named with file=<name>). Change nothing that is not needed for the fixes.`
      : 'Your previous files passed verification. Reply with the complete set of files again.',
  );
  for (const stage of STAGE_ORDER) {
    const group = blocking.filter((f) => f.stage === stage);
    if (group.length === 0) continue;
    lines.push('', `## ${STAGE_TITLES[stage]}`);
    for (const finding of group) lines.push(renderFinding(finding));
  }
  if (repaired.length > 0) {
    lines.push('', '## Already repaired by iacpac (deterministic and verified; your files above include these changes, keep them)');
    for (const line of repaired) lines.push(`- ${line}`);
  }
  if (advisory.length > 0) {
    lines.push('', '## Advisory (fix if it does not conflict with the requirements)');
    for (const finding of advisory) lines.push(renderFinding(finding));
  }
  return lines.join('\n');
}

function renderFinding(finding: AgentFinding): string {
  const head = [finding.severity ? `[${finding.severity}]` : '', finding.id ?? '', finding.location ? `at ${finding.location}` : '', finding.resource ? `on ${finding.resource}` : '']
    .filter(Boolean)
    .join(' ');
  const message = finding.message.replace(/\s*\n\s*/g, ' ').trim();
  return `- ${head ? `${head}: ` : ''}${message}${finding.hint ? `\n  Fix: ${finding.hint.replace(/\s*\n\s*/g, ' ').trim()}` : ''}`;
}
