import { existsSync, statSync } from 'node:fs';
import { analyze } from '../../../analysis/analyze.ts';
import { terraformDocument, type ValidateResult } from '../../../core/diagnostics.ts';
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { loadSchemas } from '../../../schema/bundled.ts';
import { renderValidateText } from '../../../validate/render-text.ts';

export interface ValidateCommandOptions {
  engine?: string;
  format?: string;
  schema?: string[];
  var?: string[];
  varFile?: string[];
  pluginDir?: string;
  allowExec?: boolean;
  /** Colour the text output (default: stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
}

const ENGINES = ['embedded', 'terraform', 'tofu'] as const;
const FORMATS = ['text', 'json', 'jsonl'] as const;

/**
 * `iacpac validate <dir>...`: validates each directory with the embedded engine (default) or the real
 * terraform/tofu CLI and prints text, Terraform's `validate -json` document, or one JSON line per directory.
 * Exits 0 when every directory is valid, 1 when one is not, 2 for usage or input errors.
 */
export async function validateCommand(dirs: string[], options: ValidateCommandOptions): Promise<void> {
  const engine = options.engine ?? 'embedded';
  const format = options.format ?? 'text';
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine must be one of ${ENGINES.join(', ')} (got "${engine}")`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  if (dirs.length === 0) throw new UsageError('validate needs at least one directory');
  if (format === 'json' && dirs.length > 1) throw new UsageError('--format json prints one Terraform document; use --format jsonl for several directories');
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new InputError(`${dir}: no such directory`);
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory; pass the directory that holds the .tf files`);
  }
  const schemas = engine === 'embedded' ? loadSchemas(options.schema ?? []) : undefined;
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);

  let invalid = false;
  for (const dir of dirs) {
    let result: ValidateResult;
    if (engine === 'embedded') {
      const analysis = await analyze(dir, {
        ...(schemas ? { schemas } : {}),
        ...(options.varFile ? { varFiles: options.varFile } : {}),
        ...(options.var ? { vars: options.var } : {}),
      });
      result = analysis.validation;
    } else {
      const { validateWithCli } = await import('../../../backends/cli-validate.ts');
      result = await validateWithCli(dir, {
        engine: engine as 'terraform' | 'tofu',
        ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}),
        ...(options.allowExec ? { allowExec: true } : {}),
      });
    }
    if (!result.valid) invalid = true;
    const doc = terraformDocument(result);
    if (format === 'json') logger.out(JSON.stringify(doc, null, 2));
    else if (format === 'jsonl') {
      logger.out(JSON.stringify({ dir, valid: doc.valid, error_count: doc.error_count, warning_count: doc.warning_count, diagnostics: doc.diagnostics }));
    } else {
      const text = renderValidateText(doc, { color });
      logger.out(dirs.length > 1 ? `${dir}:\n${text}` : text);
    }
  }
  if (invalid) throw new ExitError(1);
}
