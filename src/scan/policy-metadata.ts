import { yamlLib } from '../core/yaml-lib.ts';
import { parseYamlMemo } from '../core/yaml-memo.ts';
import type { ZodError } from 'zod';
import { zodLib } from '../core/zod-lib.ts';
import { InputError } from '../core/errors.ts';
import { SEVERITIES, type Severity } from './finding.ts';

/** A policy of the library or a user policy directory, described by its OPA `# METADATA` block. */
export interface PolicyInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  resourceTypes: string[];
  /** Cross-reference ids by scanner, e.g. `{checkov: ['CKV_AWS_19']}`. */
  references: Record<string, string[]>;
  remediation: string;
  /** `custom.fix` as written: a deterministic repair the policy declares (validated and applied by `src/fix/`). */
  fix?: unknown;
  /** Rego package path, e.g. ['iacpac', 'aws', 's3', 'bucket_versioning']. */
  packagePath: string[];
  /** Absolute path of the .rego file. */
  file: string;
  /** The path shown in messages (`policies/aws/s3/x.rego`, or relative to the working directory for user policies). */
  displayName: string;
  source: string;
  /** True for the bundled library. */
  builtin: boolean;
}

/** The METADATA schemas, built on first use (only a policy without a precompiled entry is validated). */
function metadataSchemas() {
  return (schemas ??= buildSchemas());
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

function buildSchemas() {
  const { z } = zodLib();
  const stringList = z.array(z.string().min(1));
  const customSchema = z
    .object({
      id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must be letters, digits, _ . or -'),
      severity: z.enum(SEVERITIES),
      resource_types: stringList.optional(),
      remediation: z.string().optional(),
    })
    .catchall(z.unknown());
  const metadata = z.object({
    title: z.string().min(1),
    description: z.string().optional(),
    custom: customSchema,
  });
  /** Stricter rules for the bundled library: every field present. */
  const libraryCustom = customSchema.extend({
    // AWS policies, and Terraform-wide ones (any provider: provisioners, external programs).
    id: z.string().regex(/^IACPAC_(AWS|TF)_[A-Z0-9]+_\d{3}$/),
    resource_types: stringList.min(1),
    remediation: z.string().min(1),
  });
  return { stringList, metadata, libraryCustom };
}

/** Parses and validates the package-level `# METADATA` block of a policy. Throws InputError with file:line:col. */
export function readPolicyMetadata(file: string, displayName: string, source: string, builtin: boolean): PolicyInfo {
  const lines = source.split(/\r?\n/);
  const packageIndex = lines.findIndex((line) => /^\s*package\s/.test(line));
  if (packageIndex < 0) throw new InputError(`${displayName}:1:1: no package declaration; add \`package <name>\``);
  const packageMatch = /^\s*package\s+([A-Za-z_][\w.]*)\s*(#.*)?$/.exec(lines[packageIndex] ?? '');
  if (!packageMatch?.[1]) {
    throw new InputError(`${displayName}:${packageIndex + 1}:1: cannot read the package name; use a dotted name like \`package my.policy\``);
  }
  const packagePath = packageMatch[1].split('.');

  // The METADATA block is the comment run that starts with `# METADATA` directly above the package line.
  let start = packageIndex - 1;
  while (start >= 0 && /^\s*#/.test(lines[start] ?? '')) start--;
  start++;
  const comment = lines.slice(start, packageIndex);
  const marker = comment.findIndex((line) => /^\s*#\s*METADATA\s*$/.test(line));
  if (marker < 0) {
    throw new InputError(
      `${displayName}:${packageIndex + 1}:1: policy has no \`# METADATA\` block above its package; add title and custom.id/severity`,
    );
  }
  const markerLine = start + marker + 1;
  const yamlText = comment
    .slice(marker + 1)
    .map((line) => line.replace(/^\s*# ?/, ''))
    .join('\n');
  let raw: unknown;
  try {
    raw = parseYamlMemo(yamlText);
  } catch (error) {
    if (error instanceof yamlLib().YAMLParseError) {
      const line = markerLine + (error.linePos?.[0].line ?? 1);
      const col = (error.linePos?.[0].col ?? 1) + 2;
      throw new InputError(`${displayName}:${line}:${col}: invalid METADATA YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  const { metadata: metadataSchema, libraryCustom: libraryCustomSchema, stringList } = metadataSchemas();
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) throw metadataError(displayName, markerLine, comment.slice(marker + 1), parsed.error);
  if (builtin) {
    const strict = libraryCustomSchema.safeParse(parsed.data.custom);
    if (!strict.success) throw metadataError(displayName, markerLine, comment.slice(marker + 1), strict.error, ['custom']);
  }
  const { title, description = '', custom } = parsed.data;
  const references: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(custom)) {
    if (['id', 'severity', 'resource_types', 'remediation', 'fix'].includes(key)) continue;
    const list = stringList.safeParse(value);
    if (list.success) references[key] = list.data;
  }
  return {
    id: custom.id,
    title: title.trim(),
    description: description.trim(),
    severity: custom.severity,
    resourceTypes: custom.resource_types ?? [],
    references,
    remediation: (custom.remediation ?? '').trim(),
    ...(custom.fix !== undefined ? { fix: custom.fix } : {}),
    packagePath,
    file,
    displayName,
    source,
    builtin,
  };
}

function metadataError(
  displayName: string,
  markerLine: number,
  yamlLines: string[],
  error: ZodError,
  prefix: string[] = [],
): InputError {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? []).map(String)];
  // Point at the line of the offending key (or of its nearest parent that is written), else at the METADATA marker.
  let offset = -1;
  for (let i = path.length - 1; i >= 0 && offset < 0; i--) {
    const key = path[i] as string;
    offset = yamlLines.findIndex((line) => new RegExp(`^\\s*#\\s*(\\s*)${key}\\s*:`).test(line));
  }
  const line = offset >= 0 ? markerLine + offset + 1 : markerLine;
  const what = path.length ? path.join('.') : 'METADATA';
  return new InputError(
    `${displayName}:${line}:1: invalid policy metadata: ${what}: ${issue?.message ?? 'invalid'} (needs title, custom.id and custom.severity: ${SEVERITIES.join('|')})`,
  );
}
