import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { yamlLib } from '../core/yaml-lib.ts';
import { z } from 'zod';
import { UsageError } from '../core/errors.ts';
import { SEVERITIES } from '../core/severity.ts';
import { PROVIDER_NAMES } from './providers/provider-definition.ts';
import { CONFIG_FILE_NAME, findConfigFile } from '../core/config-file.ts';

export const ROLES = ['iac-generator', 'pac-generator', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

const modelSettingsSchema = z
  .object({
    provider: z.enum(PROVIDER_NAMES).optional(),
    model: z.string().min(1).optional(),
    baseUrl: z.string().url().optional(),
    /** Name of the environment variable that holds the key (keeps keys out of the file). */
    apiKeyEnv: z.string().min(1).optional(),
    apiKey: z.string().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    /** Whole reply, per request (default 120 s); not retried, since another attempt would take as long. */
    timeoutMs: z.number().int().positive().optional(),
    /** No byte for this long, before the first and then between bytes (default 30 s): retried once. */
    firstByteTimeoutMs: z.number().int().positive().optional(),
    /** Largest reply text accepted (default 1 MiB); a larger one stops the run before it is stored or sent back. */
    maxReplyBytes: z.number().int().positive().optional(),
    providerOptions: z.record(z.unknown()).optional(),
  })
  .strict();

export type ModelSettings = z.infer<typeof modelSettingsSchema>;

export const llmConfigSchema = modelSettingsSchema
  .extend({
    roles: z.object(Object.fromEntries(ROLES.map((r) => [r, modelSettingsSchema.optional()])) as Record<Role, z.ZodOptional<typeof modelSettingsSchema>>).strict().optional(),
    retries: z
      .object({
        maxRetries: z.number().int().min(0).max(20).optional(),
        /** Of those, how many may follow a timeout (default 1). */
        maxTimeoutRetries: z.number().int().min(0).max(20).optional(),
        initialDelayMs: z.number().int().min(0).optional(),
        maxDelayMs: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** On-disk caches (model replies, knowledge-base index, embeddings) under `dir` (see `cacheRoot`). */
    cache: z.object({ enabled: z.boolean().optional(), dir: z.string().min(1).optional() }).strict().optional(),
    /** Optional embeddings for retrieval (BM25 candidates re-ranked by cosine similarity). */
    embeddings: z
      .object({
        provider: z.enum(PROVIDER_NAMES).optional(),
        model: z.string().min(1).optional(),
        baseUrl: z.string().url().optional(),
        apiKeyEnv: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    prices: z.record(z.object({ input: z.number().min(0), output: z.number().min(0) }).strict()).optional(),
  })
  .strict();

export type LlmConfig = z.infer<typeof llmConfigSchema>;

/** `.iacpac.yaml`: the `llm` and `generate` sections belong to this module; other sections are left to their owners. */
export const configFileSchema = z
  .object({
    llm: llmConfigSchema.optional(),
    generate: z
      .object({
        maxIterations: z.number().int().min(1).max(50).optional(),
        severity: z.enum(SEVERITIES).optional(),
        docs: z.array(z.string()).optional(),
        /** trace.jsonl stops growing at this size (default 32 MiB). */
        maxTraceBytes: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export type ConfigFile = z.infer<typeof configFileSchema>;

export const DEFAULT_CONFIG_FILE = CONFIG_FILE_NAME;

/**
 * Reads the config file: `explicitPath` (must exist) or the one config file every command reads (`.iacpac.yaml` or
 * `.iacpac.yml` in `cwd`, else the legacy `.iacpac.yaml`; optional).
 * A file that is not valid YAML or does not match the schema is one clear UsageError naming the field.
 */
export function loadConfigFile(explicitPath: string | undefined, cwd = process.cwd()): { config: ConfigFile; path?: string } {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(undefined, [], cwd).file;
  if (!path || !existsSync(path)) {
    if (explicitPath) throw new UsageError(`config file not found: ${explicitPath}`);
    return { config: {} };
  }
  let raw: unknown;
  try {
    raw = yamlLib().parse(readFileSync(path, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new UsageError(`${path}${line ? `:${line.line}:${line.col}` : ''}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = configFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw new UsageError(`${path}: invalid config at '${field}': ${issue?.message ?? 'invalid'} (see docs/generate.md#configuration)`);
  }
  return { config: parsed.data, path };
}
