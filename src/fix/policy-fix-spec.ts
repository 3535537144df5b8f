import { z } from 'zod';

/**
 * The repair a policy may declare in its METADATA, under `custom.fix` (one entry or a list; the first entry that
 * applies to a flagged resource is used):
 *
 *   fix:
 *     resource_types: [aws_db_instance]        # optional: only for flagged resources of these types
 *     when: {engine: [mysql, mariadb]}          # optional: only when the planned values are one of these
 *     set: {deletion_protection: true, metadata_options.http_tokens: required, role: {expr: "aws_iam_role.x.arn"}}
 *     block: {type: point_in_time_recovery, body: "enabled = true"}
 *     resource: {type: aws_s3_bucket_versioning, body: "bucket = {{resource}}.id\n..."}   # or a list of them
 *
 * An entry has at least one of `set`, `block` and `resource`; all of its parts are applied (and verified) together.
 * - `set`: each (dotted) argument path gets the value; nested blocks on the way are used when present (every one of
 *   that type; when none of a repeatable type is written there is nothing to do), created when absent and the schema
 *   allows at most one. An argument already set by an expression that is not a literal is left alone (the fix does
 *   not apply). A value `{expr: "..."}` is written as that HCL expression (placeholders below apply).
 * - `block`: a nested block added to the resource (HCL body text): when it has none of that type, or, for a block type
 *   that may repeat (`setting`, `rule`), when it has no block with the same text.
 * - `resource`: companion resources added after the flagged one, each named `name` (default: like the flagged
 *   resource). `{{resource}}` in a body is the flagged resource (`aws_s3_bucket.logs`, or
 *   `aws_s3_bucket.logs[count.index]` / `each.value` when it has count/for_each, which such a companion then
 *   repeats; a companion whose body does not name the flagged resource, such as a role, is shared by its instances),
 *   `{{name}}` its name. Not when a resource of that type and name exists or already refers to the flagged one.
 *
 * Every fix is re-verified before it is kept (see fix-configuration.ts). Policies without `fix` are unaffected.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
type Value = z.infer<typeof scalar> | Value[] | { [key: string]: Value };
const value: z.ZodType<Value> = z.lazy(() => z.union([scalar, z.array(value), z.record(value)]));
const expression = z.object({ expr: z.string().min(1) }).strict();

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'must be an HCL identifier');
const path = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, 'must be an argument path like a.b.c');
const companion = z
  .object({
    type: identifier,
    name: z.string().regex(/^([A-Za-z_]|\{\{name\}\})([A-Za-z0-9_-]|\{\{name\}\})*$/, 'must be an HCL identifier, {{name}} allowed').optional(),
    body: z.string().min(1),
  })
  .strict();

export const fixEntrySchema = z
  .object({
    resource_types: z.array(z.string().min(1)).min(1).optional(),
    when: z.record(path, z.array(scalar).min(1)).optional(),
    set: z.record(path, z.union([expression, value])).optional(),
    block: z.object({ type: identifier, body: z.string() }).strict().optional(),
    resource: z.union([companion.transform((c) => [c]), z.array(companion).min(1)]).optional(),
  })
  .strict()
  .refine((entry) => entry.set !== undefined || entry.block !== undefined || entry.resource !== undefined, 'give at least one of set, block or resource');

export const fixSpecSchema = z.union([fixEntrySchema.transform((entry) => [entry]), z.array(fixEntrySchema).min(1)]);

export type FixEntry = z.infer<typeof fixEntrySchema>;
export type FixValue = Value;
export type FixSetValue = Value | { expr: string };
export type Companion = z.infer<typeof companion>;

/** True for a `{expr: "..."}` value (an HCL expression written as is). */
export function isExpression(value: FixSetValue): value is { expr: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { expr?: unknown }).expr === 'string';
}

/** The fix entries of a policy's `custom.fix`, or an error message saying what is wrong with it. */
export function parseFixSpec(raw: unknown): { entries: FixEntry[] } | { error: string } {
  // One entry or a list: parsed by its own schema, so the message names the problem (not "Invalid input").
  const parsed = Array.isArray(raw) ? z.array(fixEntrySchema).min(1).safeParse(raw) : fixEntrySchema.transform((entry) => [entry]).safeParse(raw);
  if (parsed.success) return { entries: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `${['fix', ...(issue?.path ?? []).map(String)].join('.')}: ${issue?.message ?? 'invalid'}` };
}
