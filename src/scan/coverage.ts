import type { Configuration, TerraformModule } from '../terraform/model.ts';
import type { ScanNotice } from './finding.ts';
import type { PolicyInfo } from './policy-metadata.ts';
import { matchesAny } from './id-glob.ts';
import { trivyIgnores } from './suppressions.ts';
import { moduleAddress } from '../terraform/module-address.ts';

/** The provider's short name of a plan resource: `registry.terraform.io/hashicorp/azurerm` → `azurerm`. */
export function providerShortName(providerName: unknown, type: string): string {
  if (typeof providerName === 'string' && providerName) return providerName.split('/').at(-1) ?? providerName;
  return type.split('_')[0] ?? type;
}

/** True when `policy` can report resources of `provider` (it declares one of its types, the provider itself, or none). */
function covers(policy: PolicyInfo, provider: string): boolean {
  if (policy.resourceTypes.length === 0) return true;
  return policy.resourceTypes.some((type) => type === provider || type.startsWith(`${provider}_`));
}

/**
 * One note per provider whose managed resources no selected policy can report on ("37 azurerm resources not checked:
 * no policies for provider azurerm"), so a scan of such resources never reads as clean.
 */
export function uncheckedProviderNotices(plan: unknown, policies: readonly PolicyInfo[]): ScanNotice[] {
  const changes = (plan as { resource_changes?: unknown } | undefined)?.resource_changes;
  if (!Array.isArray(changes)) return [];
  const counts = new Map<string, number>();
  for (const change of changes as Array<{ mode?: unknown; type?: unknown; provider_name?: unknown }>) {
    if (!change || change.mode === 'data' || typeof change.type !== 'string') continue;
    const provider = providerShortName(change.provider_name, change.type);
    counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
  const notices: ScanNotice[] = [];
  for (const [provider, count] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (policies.some((policy) => covers(policy, provider))) continue;
    notices.push({
      code: 'provider-not-checked',
      severity: 'note',
      message: `${count} ${provider} resource${count === 1 ? '' : 's'} not checked: no policies for provider ${provider}`,
    });
  }
  return notices;
}

/** True for module sources Terraform reads from the local file system (`./x`, `../x`). */
export function isLocalModuleSource(source: string): boolean {
  return /^\.\.?([/\\]|$)/.test(source);
}

/**
 * Module calls whose source is not on disk (a registry/git module that `terraform init` has not installed): their
 * resources are not in the plan, so the scan of that configuration is partial. One warning per call, at its source.
 */
export function missingModuleNotices(config: Configuration): ScanNotice[] {
  const notices: ScanNotice[] = [];
  const visit = (module: TerraformModule): void => {
    for (const call of module.moduleCalls) {
      if (call.module) {
        visit(call.module);
        continue;
      }
      if (call.source === undefined || isLocalModuleSource(call.source)) continue; // a missing local directory is a load error
      const address = moduleAddress([...module.path, call.name]);
      const range = call.block.body.attributes.find((a) => a.name === 'source')?.expr.range ?? call.block.defRange;
      notices.push({
        code: 'module-not-installed',
        severity: 'warning',
        message: `${address} (source "${call.source}") is not installed: run terraform init; its resources were not scanned`,
        range,
      });
    }
  };
  visit(config.root);
  return notices;
}

/**
 * trivy/tfsec ignore comments naming an id that no loaded policy has or cross-references: the check they meant may be
 * reported here under our or Checkov's id, so say so instead of silently ignoring the comment.
 */
export function unmatchedIgnoreNotices(config: Configuration, knownIds: readonly string[]): ScanNotice[] {
  const notices: ScanNotice[] = [];
  const visit = (module: TerraformModule): void => {
    for (const file of module.files) {
      for (const comment of file.comments) {
        for (const ignore of trivyIgnores(comment.text, comment.line)) {
          if (knownIds.some((id) => matchesAny(id, ignore.ids))) continue;
          notices.push({
            code: 'ignore-unmatched',
            severity: 'note',
            message: `${ignore.kind}:ignore:${ignore.ids.join(',')} matches no iacpac policy (none cross-references this id); suppress the finding with # iacpac:ignore=<id> instead`,
            range: { filename: file.filename, start: { line: comment.line, column: 1, byte: 0 }, end: { line: comment.line, column: 1, byte: 0 } },
          });
        }
      }
    }
    for (const call of module.moduleCalls) if (call.module) visit(call.module);
  };
  visit(config.root);
  return notices;
}
