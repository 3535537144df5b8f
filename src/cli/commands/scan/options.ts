import { Option, type Command } from 'commander';
import { UsageError } from '../../../core/errors.ts';
import { parseSeverities, type Severity } from '../../../core/severity.ts';
import { findConfigFile } from '../../../core/config-file.ts';
import type { ScanConfig } from '../../../scan/config-file.ts';
import { OUTPUT_FORMATS } from '../../../scan/output-formats.ts';
import { splitList } from '../../../scan/id-glob.ts';
import type { ScanOptions } from '../../../scan/scanner.ts';
import { collect } from '../../options.ts';

export const FORMATS = OUTPUT_FORMATS;
export type OutputFormat = (typeof FORMATS)[number];

/** Options of `iacpac check` and `iacpac scan` (and the input half of `iacpac validate`), as commander hands them over. */
export interface ScanCommandOptions {
  file?: string[];
  directory?: string[];
  format?: string;
  output?: string[];
  outputDir?: string;
  severity?: string;
  policy?: string[];
  check?: string[];
  skipPolicy?: string[];
  skipCheck?: string[];
  policyDir?: string[];
  library?: boolean;
  scanner?: string;
  config?: string;
  var?: string[];
  varFile?: string[];
  color?: boolean;
  softFail?: boolean;
  allowPartial?: boolean;
  compact?: boolean;
  quiet?: boolean;
  baseline?: string;
  createBaseline?: boolean | string;
  jobs?: string;
}

/** Where one rendering goes: stdout, or a file. */
export interface OutputTarget {
  format: OutputFormat;
  file?: string;
}

export interface ResolvedScan {
  inputs: string[];
  files: string[];
  outputs: OutputTarget[];
  /** The severities that are evaluated, reported and fail the run (lowest first). */
  severities: Severity[];
  scanner: 'iacpac' | 'checkov';
  scanOptions: ScanOptions;
  softFail: boolean;
  /** A result that could not check everything (`partial`) does not fail the run. */
  allowPartial: boolean;
  compact: boolean;
  quiet: boolean;
  baseline?: string;
  /** `--create-baseline [file]`: where to write the baseline. */
  createBaseline?: string;
  jobs?: number;
}

/** The input options `check`, `scan` and `validate` share (paths are positional arguments). */
export function addInputOptions(command: Command): Command {
  return command
    .option('-f, --file <file>', 'a single .tf / .tf.json file or plan JSON file to check (repeatable)', collect)
    .option('-d, --directory <dir>', 'a directory to search for root modules (repeatable; same as a positional path)', collect)
    .option('-j, --jobs <n>', 'root modules analysed at once (default: by the number of roots and cores)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .option('--config <file>', 'config file (default: .iacpac.yaml or .iacpac.yml in the current or checked directory)');
}

/** The report and policy options `check` and `scan` share. */
export function addScanOptions(command: Command): Command {
  return command
    .option('--format <formats>', `output formats, comma-separated: ${FORMATS.join(', ')} (several need --output-dir or -o fmt=file)`)
    .option('-o, --output <spec>', 'a format (sarif), a format and file (sarif=results.sarif), or a file (report.json; format from --format or the extension); repeatable', collect)
    .option('--output-dir <dir>', 'write each --format to <dir>/iacpac.<ext> (text, json, jsonl, sarif, junit.xml)')
    .option('--severity <levels>', 'a level (that level and above) or a list of levels (CRITICAL,HIGH), any case: what is reported and fails the run')
    .option('--policy <ids>', 'only run these policies: our ids, Checkov ids or globs (repeatable, comma-separated)', collect)
    .option('-c, --check <ids>', 'the same as --policy (Checkov\'s name)', collect)
    .option('--skip-policy <ids>', 'skip these policies: our ids, Checkov ids or globs (repeatable, comma-separated)', collect)
    .option('--skip-check <ids>', 'the same as --skip-policy (Checkov\'s name)', collect)
    .option('--policy-dir <dir>', 'also run the Rego policies in this directory (repeatable)', collect)
    .option('--no-library', 'do not run the bundled policy library (only --policy-dir policies)')
    .addOption(new Option('--scanner <name>', 'scanner backend').choices(['iacpac', 'checkov']))
    .option('--baseline <file>', 'report findings listed in this baseline file as suppressed (only new findings fail)')
    .option('--create-baseline [file]', 'write the current findings to a baseline file (default .iacpac.baseline.json) and exit 0')
    .option('-s, --soft-fail', 'exit 0 even with findings, an invalid configuration or partial results (bad input still exits 2)')
    .option('--allow-partial', 'do not fail when something could not be checked (a value that could not be evaluated, a module not installed, a policy that failed); it is still reported')
    .option('--compact', 'text: one line per finding, without messages')
    .option('-q, --quiet', 'text: only inputs with findings or warnings, no suppressed findings');
}

/** The paths to check: positional paths, then -d directories; the current directory when neither nor -f is given. */
export function inputPaths(paths: string[], options: Pick<ScanCommandOptions, 'directory' | 'file'>): string[] {
  const all = [...paths, ...(options.directory ?? [])];
  return all.length === 0 && !options.file?.length ? ['.'] : all;
}

export const DEFAULT_BASELINE_FILE = '.iacpac.baseline.json';

/** Merges command-line options over `.iacpac.yaml` and validates them (UsageError: one line, exit 2). */
export async function resolveScanOptions(paths: string[], options: ScanCommandOptions): Promise<ResolvedScan> {
  const inputs = inputPaths(paths, options);
  const searchDirs = inputs.filter((p) => p !== '-' && !p.endsWith('.json'));
  // The config file's schema (and zod) is loaded only when there is a file to read.
  const config: ScanConfig = findConfigFile(options.config, searchDirs).file
    ? (await import('../../../scan/config-file.ts')).loadScanConfig(options.config, searchDirs)
    : {};
  const severityText = options.severity ?? config.severity ?? 'info';
  const parsedSeverity = parseSeverities(severityText);
  if ('invalid' in parsedSeverity) {
    throw new UsageError(`--severity ${severityText}: unknown severity "${parsedSeverity.invalid}"; use info, low, medium, high or critical (any case), or a comma-separated list`);
  }
  const severities = parsedSeverity.severities;
  const scanner = options.scanner ?? config.scanner ?? 'iacpac';
  if (scanner !== 'iacpac' && scanner !== 'checkov') throw new UsageError(`--scanner ${scanner}: use iacpac or checkov`);
  const policies = splitList([...(options.policy ?? []), ...(options.check ?? [])]);
  const skip = splitList([...(options.skipPolicy ?? []), ...(options.skipCheck ?? [])]);
  const configFormats = config.format === undefined ? [] : Array.isArray(config.format) ? config.format : [config.format];
  const outputs = resolveOutputs(options.format, options.output ?? [], options.outputDir ?? config.output_dir, configFormats);
  const jobs = options.jobs ?? (config.jobs === undefined ? undefined : String(config.jobs));
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs ${jobs}: use a whole number of at least 1`);
  const createBaseline = options.createBaseline === undefined ? undefined : options.createBaseline === true ? DEFAULT_BASELINE_FILE : String(options.createBaseline);
  const baseline = options.baseline ?? config.baseline;
  return {
    inputs,
    files: options.file ?? [],
    outputs,
    severities,
    scanner,
    softFail: options.softFail ?? config.soft_fail ?? false,
    allowPartial: options.allowPartial ?? config.allow_partial ?? false,
    compact: options.compact ?? config.compact ?? false,
    quiet: options.quiet ?? config.quiet ?? false,
    ...(baseline ? { baseline } : {}),
    ...(createBaseline ? { createBaseline } : {}),
    ...(jobs ? { jobs: Number(jobs) } : {}),
    scanOptions: {
      severity: severities[0] ?? 'info',
      severities,
      policies: policies.length ? policies : (config.policies ?? []),
      skipPolicies: [...(config.skip_policies ?? []), ...skip],
      policyDirs: [...(config.policy_dirs ?? []), ...(options.policyDir ?? [])],
      noLibrary: options.library === false,
      vars: options.var ?? [],
      varFiles: [...(config.var_files ?? []), ...(options.varFile ?? [])],
    },
  };
}

const EXTENSIONS: Record<OutputFormat, string> = { text: 'txt', json: 'json', jsonl: 'jsonl', sarif: 'sarif', junit: 'junit.xml' };

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

/** The format a file name implies, if any (`.sarif`, `.sarif.json`, `.json`, `.jsonl`, `.xml`, `.txt`). */
function formatOfFile(file: string): OutputFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.jsonl')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.xml')) return 'junit';
  if (name.endsWith('.txt') || name.endsWith('.log')) return 'text';
  return undefined;
}

/**
 * Output targets from `--format a,b`, `-o` specs and `--output-dir`:
 * - `-o sarif` prints SARIF on stdout (Checkov's `-o`), `-o sarif=f.sarif` writes it to a file, `-o f.sarif` too
 *   (format from --format when it names one format, else from the extension);
 * - `--format text,sarif --output-dir d` writes d/iacpac.txt and d/iacpac.sarif;
 * - at most one target is stdout. Without any of them: text on stdout.
 */
export function resolveOutputs(format: string | undefined, specs: string[], outputDir: string | undefined, configFormats: readonly OutputFormat[] = []): OutputTarget[] {
  const formats = format !== undefined ? splitList([format]) : [...configFormats];
  for (const f of formats) if (!isFormat(f)) throw new UsageError(`--format ${f}: unknown format; use ${FORMATS.join(', ')} (comma-separated for several)`);
  const listed = formats as OutputFormat[];
  const targets: OutputTarget[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0 && isFormat(spec.slice(0, eq))) {
      const file = spec.slice(eq + 1);
      if (!file) throw new UsageError(`-o ${spec}: missing file name after "="`);
      targets.push({ format: spec.slice(0, eq) as OutputFormat, file });
    } else if (isFormat(spec)) {
      targets.push(outputDir ? { format: spec, file: `${outputDir}/iacpac.${EXTENSIONS[spec]}` } : { format: spec });
    } else if (eq > 0) {
      throw new UsageError(`-o ${spec}: unknown format "${spec.slice(0, eq)}"; use ${FORMATS.join(', ')}`);
    } else {
      const inferred = listed.length === 1 ? listed[0] : formatOfFile(spec);
      if (!inferred) {
        throw new UsageError(`-o ${spec}: cannot tell the format of this file; write -o <format>=${spec} (formats: ${FORMATS.join(', ')})`);
      }
      targets.push({ format: inferred, file: spec });
    }
  }
  if (specs.length === 0 || (outputDir && listed.length > 0)) {
    const wanted = specs.length === 0 && listed.length === 0 ? ['text' as const] : listed;
    if (outputDir) {
      for (const f of wanted) if (!targets.some((t) => t.format === f && t.file)) targets.push({ format: f, file: `${outputDir}/iacpac.${EXTENSIONS[f]}` });
    } else if (specs.length === 0) {
      if (wanted.length > 1) throw new UsageError(`--format ${wanted.join(',')}: several formats need --output-dir <dir> or -o <format>=<file> each`);
      targets.push({ format: wanted[0] ?? 'text' });
    }
  }
  if (targets.filter((t) => !t.file).length > 1) {
    throw new UsageError(`-o ${specs.join(' -o ')}: only one output can go to stdout; give the others a file (-o <format>=<file>)`);
  }
  return targets;
}
