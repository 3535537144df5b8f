import { Option, type Command } from 'commander';
import { collect } from '../../options.ts';

/** `iacpac kb build|search`: inspect what the generators retrieve. */
export function register(program: Command): void {
  const kb = program.command('kb').description('the knowledge base the generators retrieve from (provider schemas, policy library, Rego builtins, your docs)');
  kb.command('build')
    .description('build the knowledge base and print what it holds; --out saves the index')
    .option('--docs <dir>', 'also index this documentation folder (Markdown/HTML; repeatable)', collect)
    .option('--schema <file>', 'index this provider schema (terraform providers schema -json) instead of the bundled ones (repeatable)', collect)
    .option('--out <file>', 'save the index as JSON')
    .action(async (options) => {
      const { kbBuild } = await import('./kb.ts');
      await kbBuild(options);
    });
  kb.command('search')
    .description('search the knowledge base (BM25)')
    .argument('<query>', 'words to search for')
    .addOption(new Option('--kind <kind>', 'only this kind of document (repeatable)').choices(['schema', 'policy', 'builtin', 'doc']).argParser(collect))
    .option('-n, --limit <n>', 'number of results (default 10)')
    .option('--docs <dir>', 'also index this documentation folder (repeatable)', collect)
    .option('--index <file>', 'use an index saved with kb build --out')
    .option('--full', 'print each document in full')
    .option('--embeddings', 're-rank with embeddings from the configured provider (.iacpac.yaml llm / environment)')
    .option('--config <file>', 'config file (default: .iacpac.yaml in the current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (query: string, options) => {
      const { kbSearch } = await import('./kb.ts');
      await kbSearch(query, options);
    });
}
