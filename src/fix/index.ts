/**
 * Deterministic, verified repairs of Terraform configurations (validator-driven and policy-driven), as byte-range
 * edits of the source. `fixConfiguration(dir)` writes nothing; callers write `changes` (see `iacpac fix`).
 */
export { fixConfiguration, judge, type FixOptions, type FixResult, type FixSummary } from './fix-configuration.ts';
export type { FixGuard } from './assess.ts';
export type { Repair, RepairSource } from './repair.ts';
export { parseFixSpec, type FixEntry } from './policy-fix-spec.ts';
export { VALIDATOR_REPAIRS } from './validator-repairs/index.ts';
