import type { PlanJson } from './plan-json.ts';

/** Terraform-like human summary of a plan (what `iacpac plan --format text` prints). */
export function planSummary(plan: PlanJson): string {
  const lines: string[] = [];
  const changes = plan.resource_changes ?? [];
  for (const change of changes) {
    const reads = change.change.actions.includes('read');
    lines.push(`  ${reads ? '<=' : '+'} ${change.address}${reads ? ' (read during apply)' : ''}`);
  }
  const creates = changes.filter((c) => c.change.actions.includes('create')).length;
  const outputs = Object.keys(plan.output_changes ?? {});
  if (outputs.length > 0) lines.push('', 'Changes to Outputs:', ...outputs.map((o) => `  + ${o}`));
  lines.push('', `Plan: ${creates} to add, 0 to change, 0 to destroy.`);
  return lines.join('\n');
}
