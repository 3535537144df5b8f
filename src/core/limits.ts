import { formatBytes } from './bytes.ts';
import { InputError } from './errors.ts';

/**
 * The bounds iacpac applies to input it reads, so hostile or accidental input (a huge file, a runaway heredoc, a
 * module tree that multiplies) stops with one line instead of exhausting time or memory. Each has a default and an
 * environment variable that raises it; `LimitError` names both.
 */
export interface LimitDefinition {
  /** Environment variable that overrides the default (a whole number; sizes may end in KiB/MiB/GiB). */
  env: string;
  default: number;
  unit: 'bytes' | 'ms' | 'count';
}

export const LIMITS = {
  /** One Terraform source file. */
  fileBytes: { env: 'IACPAC_MAX_FILE_BYTES', default: 5 * 1024 * 1024, unit: 'bytes' },
  /** All files of one configuration (root module, local and installed modules, tfvars files). */
  configurationBytes: { env: 'IACPAC_MAX_CONFIGURATION_BYTES', default: 16 * 1024 * 1024, unit: 'bytes' },
  /** One heredoc (`<<EOT ... EOT`), terminated or not. */
  heredocBytes: { env: 'IACPAC_MAX_HEREDOC_BYTES', default: 1024 * 1024, unit: 'bytes' },
  /** HashiCorp's HCL syntax check of one file (plus 20 ms per KiB of source). */
  parseMs: { env: 'IACPAC_PARSE_TIMEOUT_MS', default: 20_000, unit: 'ms' },
  /** Module instances one plan expands (every `module` block times its count/for_each, at every level). */
  moduleInstances: { env: 'IACPAC_MAX_MODULE_INSTANCES', default: 10_000, unit: 'count' },
  /** Module instances nested inside each other while planning. */
  moduleDepth: { env: 'IACPAC_MAX_MODULE_DEPTH', default: 64, unit: 'count' },
  /** Resource and data source instances one plan creates in total (each resource is also bounded at 10,000). */
  resourceInstances: { env: 'IACPAC_MAX_RESOURCE_INSTANCES', default: 200_000, unit: 'count' },
} as const satisfies Record<string, LimitDefinition>;

export type LimitName = keyof typeof LIMITS;

/** The value of a limit: its environment variable when set to a valid amount, else the default. */
export function limitValue(name: LimitName, env: NodeJS.ProcessEnv = process.env): number {
  const definition: LimitDefinition = LIMITS[name];
  const raw = env[definition.env];
  if (raw === undefined || raw.trim() === '') return definition.default;
  const parsed = parseAmount(raw);
  if (parsed === undefined) throw new InputError(`${definition.env}=${raw}: expected a whole number${definition.unit === 'bytes' ? ' of bytes (or with KiB, MiB, GiB)' : definition.unit === 'ms' ? ' of milliseconds' : ''}`);
  return parsed;
}

/** `1024`, `64KiB`, `16 MiB`, `1GiB` (also KB/MB/GB as binary units) -> a positive whole number. */
export function parseAmount(text: string): number | undefined {
  const match = /^\s*(\d+)\s*(k|m|g)?(i?b)?\s*$/i.exec(text);
  if (!match) return undefined;
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const value = Number(match[1]) * scale;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** An amount in the unit of a limit, for messages. */
export function formatLimit(name: LimitName, value: number): string {
  const unit = LIMITS[name].unit;
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'ms') return `${Math.round(value / 100) / 10} s`;
  return value.toLocaleString('en-US');
}

/** Input over one of iacpac's bounds: exit 2, one line naming the bound and how to raise it. */
export class LimitError extends InputError {
  readonly limit: LimitName;
  /**
   * `<where>: <what>, over the <bound> limit; [<advice>, or ]set <ENV> to raise it`. `value` is the bound in force
   * (default: the current setting); `bound` replaces its formatted amount (e.g. `20 s plus 5 ms per KiB`).
   */
  constructor(where: string, what: string, limit: LimitName, options: { value?: number; bound?: string; advice?: string } = {}) {
    const bound = options.bound ?? formatLimit(limit, options.value ?? limitValue(limit));
    super(`${where}: ${what}, over the ${bound} limit; ${options.advice ? `${options.advice}, or ` : ''}set ${LIMITS[limit].env} to raise it`);
    this.name = 'LimitError';
    this.limit = limit;
  }
}
