import type { RawSignature } from './signature-types.ts';

/**
 * Functions Terraform still registers only to reject them: `list(...)` and `map(...)` were removed in
 * Terraform v0.12 and every call fails, whatever its arguments (known, unknown or none). They are kept apart
 * from the generated signature table (`signature-table.ts`) because `terraform metadata functions -json`
 * leaves them out, and they are not in `FUNCTION_SIGNATURES`: they are not functions one can use, only
 * names whose calls fail with Terraform's "Error in function call" instead of "Call to unknown function".
 * Their signature (`vals` of any type, variadic, returning any type) is the one Terraform prints under the
 * diagnostic's snippet (`terraform validate -json`, Terraform 1.11.4).
 */
export interface RemovedFunction extends RawSignature {
  name: string;
  /** What to write instead, as Terraform words it after "use". */
  replacement: string;
}

const VARIADIC_ANY: RawSignature = { params: [], variadic: { name: 'vals', type: 'dynamic' }, returns: 'dynamic' };

const REMOVED_FUNCTIONS: ReadonlyMap<string, RemovedFunction> = new Map([
  ['list', { name: 'list', ...VARIADIC_ANY, replacement: 'tolist([ ... ]) syntax to write a literal list' }],
  ['map', { name: 'map', ...VARIADIC_ANY, replacement: 'tomap({ ... }) syntax to write a literal map' }],
]);

/** The removed function a call names (`list`, `core::list`), if any. */
export function lookupRemovedFunction(calledAs: string): RemovedFunction | undefined {
  return REMOVED_FUNCTIONS.get(calledAs.startsWith('core::') ? calledAs.slice('core::'.length) : calledAs);
}

/** Terraform's detail for any call of a removed function, naming the function as written in the call. */
export function removedFunctionDetail(calledAs: string, fn: RemovedFunction): string {
  return `Call to function ${JSON.stringify(calledAs)} failed: the ${JSON.stringify(fn.name)} function was deprecated in Terraform v0.12 and is no longer available; use ${fn.replacement}.`;
}
