import { resolveScanOptions, type ScanCommandOptions } from '../scan/options.ts';
import { reportScan, runScan } from '../scan/scan.ts';

/**
 * `iacpac check <path...>`: validate + scan every root module in one report, in any output format (the same JSON
 * document as `scan`, with `validation` per root). Plan JSON inputs are scanned (there is nothing to validate).
 * Exit 1 when a configuration is invalid or has findings at the selected severities, 0 otherwise (also with
 * --soft-fail), 2 on usage/input errors.
 */
export async function checkCommand(paths: string[], options: ScanCommandOptions): Promise<void> {
  const resolved = await resolveScanOptions(paths, options);
  await reportScan(await runScan(resolved, true), resolved, options.color);
}
