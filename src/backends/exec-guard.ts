import { UsageError } from '../core/errors.ts';
import type { Configuration, TerraformModule } from '../terraform/model.ts';

/** Where a configuration would run local programs: `external` data sources and provisioners. */
export function execFindings(config: Configuration): string[] {
  const out: string[] = [];
  const visit = (module: TerraformModule, depth: number) => {
    for (const resource of module.resources) {
      const where = `${resource.block.range.filename}:${resource.block.range.start.line}`;
      if (resource.mode === 'data' && resource.type === 'external') out.push(`data "external" "${resource.name}" (${where})`);
      for (const provisioner of resource.provisioners) {
        out.push(`provisioner "${provisioner.labels[0] ?? ''}" in ${resource.address} (${provisioner.range.filename}:${provisioner.range.start.line})`);
      }
    }
    if (depth < 32) for (const call of module.moduleCalls) if (call.module) visit(call.module, depth + 1);
  };
  visit(config.root, 0);
  return out;
}

/** Refuses to hand a configuration that runs local programs to the real CLI unless the user allowed it. */
export function assertNoExec(config: Configuration, allowExec: boolean, dir: string): void {
  if (allowExec) return;
  const findings = execFindings(config);
  if (findings.length > 0) {
    throw new UsageError(
      `${dir}: the configuration runs local programs (${findings.slice(0, 3).join(', ')}${findings.length > 3 ? ', ...' : ''}); pass --allow-exec to run it with the real CLI`,
    );
  }
}
