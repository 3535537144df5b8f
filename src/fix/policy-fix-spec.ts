import { z } from 'zod';

/**
 * The repair a policy may declare in its METADATA, under `custom.fix` (one entry or a list; the first entry that
 * applies to a flagged resource is used):
 *
 *   fix:
 *     resource_types: [aws_db_instance]        # optional: only for flagged resources of these types
 *     when: {engine: [mysql, mariadb]}          # optional: only when the planned values are one of these
 *     set: {deletion_protection: true, metadata_options.http_tokens: required}
 *     block: {type: point_in_time_recovery, body: "enabled = true"}
 *     resource: {type: aws_s3_bucket_versioning, body: "bucket = {{resource}}.id\n..."}
 *
 * - `set`: each (dotted) argument path gets the value; nested blocks on the way are used when present (every one of
 *   that type; when none of a repeatable type is written there is nothing to do), created when absent and the schema
 *   allows at most one. An argument already set by an expression that is not a literal is left alone (the fix does
 *   not apply).
 * - `block`: a nested block added to the resource (HCL body text): when it has none of that type, or, for a block type
 *   that may repeat (`setting`, `rule`), when it has no block with the same text.
 * - `resource`: a companion resource added after the flagged one, named like it; `{{resource}}` in the body is the
 *   flagged resource (`aws_s3_bucket.logs`, `aws_s3_bucket.logs[count.index]` or `each.value` when the flagged
 *   resource has count/for_each, which the companion then repeats), `{{name}}` its name. Not when a resource of that
 *   type already refers to the flagged one.
 *
 * Every fix is re-verified before it is kept (see fix-configuration.ts). Policies without `fix` are unaffected.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
type Value = z.infer<typeof scalar> | Value[] | { [key: string]: Value };
const value: z.ZodType<Value> = z.lazy(() => z.union([scalar, z.array(value), z.record(value)]));

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'must be an HCL identifier');
const path = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, 'must be an argument path like a.b.c');

export const fixEntrySchema = z
  .object({
    resource_types: z.array(z.string().min(1)).min(1).optional(),
    when: z.record(path, z.array(scalar).min(1)).optional(),
    set: z.record(path, value).optional(),
    block: z.object({ type: identifier, body: z.string() }).strict().optional(),
    resource: z.object({ type: identifier, body: z.string().min(1) }).strict().optional(),
  })
  .strict()
  .refine((entry) => [entry.set, entry.block, entry.resource].filter((x) => x !== undefined).length === 1, 'give exactly one of set, block or resource');

export const fixSpecSchema = z.union([fixEntrySchema.transform((entry) => [entry]), z.array(fixEntrySchema).min(1)]);

export type FixEntry = z.infer<typeof fixEntrySchema>;
export type FixValue = Value;

/** The fix entries of a policy's `custom.fix`, or an error message saying what is wrong with it. */
export function parseFixSpec(raw: unknown): { entries: FixEntry[] } | { error: string } {
  const parsed = fixSpecSchema.safeParse(raw);
  if (parsed.success) return { entries: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `${['fix', ...(issue?.path ?? []).map(String)].join('.')}: ${issue?.message ?? 'invalid'}` };
}
