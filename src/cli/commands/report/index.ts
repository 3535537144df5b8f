import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('report')
    .description('render tables (Markdown, CSV, LaTeX), charts (SVG, PNG) and an HTML page from one or more bench runs')
    .argument('<run-dir...>', 'directories written by `iacpac bench --out` (several = compare models)')
    .option('--out <dir>', 'where to write the report (default: <first run-dir>/report)')
    .option('--no-charts', 'tables only')
    .action(async (runDirs: string[], options: { out?: string; charts: boolean }) => {
      const { report } = await import('./report.ts');
      await report(runDirs, options);
    });
}
