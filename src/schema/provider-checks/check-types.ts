/**
 * The shape of the provider-checks asset (`assets/schemas/<provider>-<version>.checks.jsonl.gz`): the argument
 * checks a provider runs during `terraform validate` that its schema does not describe, per resource type and
 * data source, as recorded from the real provider by scripts/probe-provider-checks.ts and derived by
 * scripts/gen-provider-checks.ts.
 */

/** Which key a message names: the last attribute name, the SDK's flat key (`rule.0.prefix`) or the framework path. */
export type KeyStyle = 'name' | 'flat' | 'path';

/** A check of one argument's value (or of each element of a list/set/map argument). */
export type ValueCheck =
  | { kind: 'enum'; values: string[]; key: KeyStyle; ignoreCase?: boolean; framework?: boolean }
  | { kind: 'int-enum'; values: number[]; key: KeyStyle }
  | { kind: 'length'; min?: number; max?: number; key: KeyStyle; framework?: boolean; form?: 'between' | 'at-least' | 'at-most' }
  | { kind: 'int-range'; min?: number; max?: number; key: KeyStyle; framework?: boolean; form?: 'between' | 'at-least' | 'at-most' }
  | { kind: 'float-range'; min?: number; max?: number; key: KeyStyle }
  | { kind: 'divisible'; by: number; key: KeyStyle }
  | { kind: 'regex'; pattern: string; negate?: boolean; key: KeyStyle; framework?: boolean }
  | { kind: 'arn'; key: KeyStyle }
  | { kind: 'cidr'; family: 'any' | 'ipv4' | 'ipv6' }
  | { kind: 'iam-policy-json'; key: KeyStyle }
  | { kind: 'json'; key: KeyStyle }
  | { kind: 'base64'; key: KeyStyle }
  | { kind: 'rfc3339'; key: KeyStyle }
  | { kind: 'not-empty'; key: KeyStyle }
  | { kind: 'not-whitespace'; key: KeyStyle }
  | { kind: 'kms-key-id'; key: KeyStyle }
  | { kind: 'account-id'; key: KeyStyle }
  /** An AWS Region name (two letters, dash-separated words, a one- or two-digit number: `us-gov-west-1`). */
  | { kind: 'region'; key: KeyStyle }
  | { kind: 'ip-address'; family: 'any' | 'ipv4' | 'ipv6'; key: KeyStyle }
  /**
   * A check whose rule is not known in general (a pattern behind a custom message, a function of the provider's
   * own): the exact probe values it rejected, each with the provider's message.
   */
  | { kind: 'literal'; rejects: Array<{ value: string; summary: string; detail: string }> }
  /**
   * A rule behind a custom message, inferred from the provider's answers to designed strings
   * (scripts/provider-checks/infer-rule.ts) and reproducing every one of them: the value is accepted when it is one
   * of `values`, or valid `format`, or matches `pattern` (RE2, anchored) with `minLength`..`maxLength` characters.
   * Otherwise the provider's message: `summary`/`detail` with `{{value}}`, `{{quoted}}` (Go-quoted), `{{bytes}}` (quoted as Go's time package does), `{{lower}}`,
   * `{{length}}` (characters), `{{flat}}` (the SDK's flat key) and `{{path}}` (the framework's path) filled in.
   */
  | {
      kind: 'inferred';
      values?: string[];
      format?: 'base64';
      pattern?: string;
      minLength?: number;
      maxLength?: number;
      summary: string;
      detail: string;
    };

/** A check of one argument, where it applies and how the provider reports the path. */
export interface ArgumentChecks {
  /** Schema path of the argument: nested block names then the argument name. */
  path: string[];
  /** Checks of the value (for list/set/map arguments: of each element, as the provider's element schema does). */
  checks: ValueCheck[];
  /** Checks apply to elements of a collection argument. */
  elements?: boolean;
  /**
   * The attribute path the provider reports value problems at, when it is not the argument's own path with its
   * block and element indexes: steps are names or `*` (an index), e.g. `["rule"]` when the SDK truncates paths
   * into a set-nested block, or `["cidr_blocks", "*"]` for an element of a list.
   */
  reportPath?: string[];
  /** Minimum / maximum number of items of a list or set argument ("Not enough list items" / "Too many list items"). */
  minItems?: number;
  maxItems?: number;
  /** The warning the provider gives when the argument is set ("Argument is deprecated" detail). */
  deprecated?: string;
  /** The `RequiredWith` group: all of these flat keys (sorted, including this one) must be set together. */
  requiredWith?: string[];
  /** `ConflictsWith`: flat keys that may not be set together with this one, in the provider's order. */
  conflictsWith?: string[];
  /** `ExactlyOneOf` / `AtLeastOneOf` groups (flat keys, sorted, including this one). */
  exactlyOneOf?: string[];
  atLeastOneOf?: string[];
}

/** All checks of one resource type or data source. */
export interface TypeChecks {
  mode: 'managed' | 'data';
  type: string;
  /** Implemented with terraform-plugin-framework (its messages and paths differ from the SDK's). */
  framework?: boolean;
  arguments: ArgumentChecks[];
  /** Block paths (nested block names) that may be set and the provider warns about (deprecated blocks). */
  deprecatedBlocks?: Array<{ path: string[]; message: string }>;
}
