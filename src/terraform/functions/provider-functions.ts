import type { TypeJson } from './signature-types.ts';
import { FunctionError } from './define-function.ts';

/** A provider-defined function as the evaluator calls it: its signature (from the provider schema) and, when known, its implementation. */
export interface ProviderFunction {
  /** The function's own name (`arn_parse`). */
  name: string;
  params: ReadonlyArray<{ name: string; type: TypeJson }>;
  variadic?: { name: string; type: TypeJson };
  returns: TypeJson;
  /** Computes the result from known, converted arguments (undefined: not computed); throws FunctionError with the provider's message. */
  impl?: (args: readonly unknown[]) => unknown;
}

/** What `provider::<name>::<function>` refers to in a module. */
export type ProviderFunctionLookup = { fn: ProviderFunction } | { error: 'unknown-provider' } | { error: 'unknown-function' };

/** aws-sdk's arn.Parse: `arn:partition:service:region:account-id:resource` (the resource may hold colons). */
function parseArn(text: string): { partition: string; service: string; region: string; account_id: string; resource: string } {
  if (!text.startsWith('arn:')) throw new FunctionError('arn: invalid prefix');
  const sections = text.split(':');
  if (sections.length < 6) throw new FunctionError('arn: not enough sections');
  const [, partition = '', service = '', region = '', accountId = ''] = sections;
  return { partition, service, region, account_id: accountId, resource: sections.slice(5).join(':') };
}

/**
 * The functions of hashicorp/aws 5.x whose results depend only on their arguments (so Terraform computes them
 * at validate time), by function name.
 */
export const AWS_PROVIDER_FUNCTIONS: Record<string, (args: readonly unknown[]) => unknown> = {
  arn_parse: ([arn]) => parseArn(String(arn)),
  arn_build: ([partition, service, region, accountId, resource]) => `arn:${partition}:${service}:${region}:${accountId}:${resource}`,
  // Only its argument check is reproduced; the trimmed value is left unknown (undefined).
  trim_iam_role_path: ([arn]) => void parseArn(String(arn)),
};
