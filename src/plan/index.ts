/**
 * Plan synthesis: Terraform's `terraform show -json <planfile>` document for a configuration, computed
 * statically (no providers, credentials or network), plus the real CLI as a backend.
 *
 *   const config = await loadConfiguration('./infra');
 *   const { plan, diagnostics } = synthesizePlan(config);
 *   plan.resource_changes?.map((c) => c.address);
 */
export { synthesizePlan, PLAN_FORMAT_VERSION, DEFAULT_TERRAFORM_VERSION } from './synthesize.ts';
export type { SynthesizeOptions, SynthesizeResult } from './synthesize.ts';
export type * from './plan-json.ts';
export { marshalExpression, marshalBody } from './expression-json.ts';
export { expressionReferences } from './references.ts';
export { bundledProviderDefaults, providerDefaultsFrom, NO_DEFAULTS } from './provider-defaults.ts';
export type { ProviderDefaults, ProviderDefaultsTable } from './provider-defaults.ts';
