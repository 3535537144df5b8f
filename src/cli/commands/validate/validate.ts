import { existsSync, statSync, writeFileSync } from 'node:fs';
import { runInputs } from '../../../analysis/run-inputs.ts';
import { terraformDocument, type ValidateResult } from '../../../core/diagnostics.ts';
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { findConfigFile } from '../../../core/config-file.ts';
import { renderValidateText } from '../../../validate/render-text.ts';
import { stdoutColor } from '../../color.ts';
import { inputPaths } from '../scan/options.ts';

export interface ValidateCommandOptions {
  engine?: string;
  format?: string;
  output?: string;
  file?: string[];
  directory?: string[];
  jobs?: string;
  schema?: string[];
  var?: string[];
  varFile?: string[];
  pluginDir?: string;
  allowExec?: boolean;
  softFail?: boolean;
  config?: string;
  /** Colour the text output (default: stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
}

const ENGINES = ['embedded', 'terraform', 'tofu'] as const;
const FORMATS = ['text', 'json', 'jsonl'] as const;

/**
 * `iacpac validate <path>...`: validates every root module found under each path (or the given .tf files) with the
 * embedded engine (default) or the real terraform/tofu CLI (directories as given), and prints text, Terraform's
 * `validate -json` document, or one JSON line per root. Exits 0 when every root is valid, 1 when one is not
 * (0 with --soft-fail), 2 for usage or input errors.
 */
export async function validateCommand(paths: string[], options: ValidateCommandOptions): Promise<void> {
  const engine = options.engine ?? 'embedded';
  const format = options.format ?? 'text';
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine must be one of ${ENGINES.join(', ')} (got "${engine}")`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const inputs = inputPaths(paths, options);
  if (options.jobs !== undefined && !/^[1-9]\d*$/.test(options.jobs)) throw new UsageError(`--jobs ${options.jobs}: use a whole number of at least 1`);
  findConfigFile(options.config, []); // an explicit --config must exist (its settings are for scans)
  if (format === 'json' && inputs.length + (options.file?.length ?? 0) > 1) {
    throw new UsageError('--format json prints one Terraform document; use --format jsonl for several directories');
  }

  const results: Array<{ dir: string; result: ValidateResult }> = [];
  let failed = false;
  if (engine === 'embedded') {
    const run = await runInputs(inputs, options.file ?? [], {
      validate: true,
      scan: false,
      ...(options.schema?.length ? { schemaFiles: options.schema } : {}),
      vars: options.var ?? [],
      varFiles: options.varFile ?? [],
      ...(options.jobs ? { jobs: Number(options.jobs) } : {}),
    });
    for (const dir of run.empty) logger.err(`iacpac: ${dir}: no Terraform configuration files (*.tf or *.tf.json) here or below; skipped`);
    const failures = run.results.filter((r) => r.failure);
    if (failures.length === run.results.length && failures[0]?.failure) throw new InputError(failures[0].failure.message);
    for (const r of run.results) {
      if (r.failure) {
        failed = true;
        logger.err(`iacpac: ${r.failure.message}`);
      } else if (r.validation) {
        results.push({ dir: r.dir, result: r.validation });
      }
    }
  } else {
    const { validateWithCli } = await import('../../../backends/cli-validate.ts');
    for (const dir of inputs) {
      if (!existsSync(dir)) throw new InputError(`${dir}: no such directory`);
      if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory; pass the directory that holds the .tf files`);
    }
    for (const dir of inputs) {
      const result = await validateWithCli(dir, {
        engine: engine as 'terraform' | 'tofu',
        ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}),
        ...(options.allowExec ? { allowExec: true } : {}),
      });
      results.push({ dir, result });
    }
  }
  if (format === 'json' && results.length > 1) {
    const names = results.slice(0, 3).map((r) => r.dir).join(', ');
    throw new UsageError(
      `--format json prints one Terraform document, and ${results.length} root modules were found (${names}${results.length > 3 ? ', ...' : ''}); use --format jsonl for several directories`,
    );
  }
  const color = options.output ? false : stdoutColor(options.color);
  const out: string[] = [];
  for (const { dir, result } of results) {
    const doc = terraformDocument(result);
    if (format === 'json') out.push(JSON.stringify(doc, null, 2));
    else if (format === 'jsonl') {
      out.push(JSON.stringify({ dir, valid: doc.valid, error_count: doc.error_count, warning_count: doc.warning_count, diagnostics: doc.diagnostics }));
    } else {
      const text = renderValidateText(doc, { color });
      out.push(results.length > 1 ? `${dir}:\n${text}` : text);
    }
  }
  const text = out.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('');
  if (options.output) writeFileSync(options.output, text);
  else if (text) logger.out(text);
  if (failed) throw new ExitError(2);
  if (results.some((r) => !r.result.valid) && !options.softFail) throw new ExitError(1);
}
