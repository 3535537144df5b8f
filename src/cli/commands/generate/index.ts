import { Option, type Command } from 'commander';
import { collect, severityOption } from '../../options.ts';

/** `iacpac generate`: requirements -> Terraform + Rego policies, verified by the multi-agent loop. */
export function register(program: Command): void {
  program
    .command('generate')
    .description('generate Terraform and OPA Rego policies from requirements, and verify them (validate, plan, scan, rego test, review)')
    .argument('[requirements]', 'the requirements as text (or use --requirements <file>)')
    .option('--requirements <file>', 'read the requirements from a file')
    .option('--regulations <file>', 'regulations / compliance rules the policies must enforce')
    .addOption(new Option('--provider <name>', 'LLM provider').choices(['openai', 'azure', 'anthropic', 'ollama', 'openai-compatible']))
    .option('--model <id>', 'model id (Azure: deployment name) for every role')
    .option('--base-url <url>', 'API endpoint, e.g. http://localhost:8000/v1')
    .option('--max-iterations <n>', 'stop and escalate after this many iterations (default 5)')
    .option('--out <dir>', 'output directory: the generated *.tf and policies/*.rego, report.json, trace.jsonl, REVIEW.md (default iacpac-out)')
    .option('--interactive', 'on escalation, ask to approve, edit or reject (needs a terminal)')
    .addOption(severityOption('security findings at or above this block (default high)'))
    .option('--docs <dir>', 'index this documentation folder (Markdown/HTML) for retrieval (repeatable)', collect)
    .option('--config <file>', 'config file (default: .iacpac.yaml in the current directory)')
    .option('--no-cache', 'read and write no on-disk cache (model replies, knowledge-base index, embeddings): nothing is written outside --out')
    .option('--cache-dir <dir>', 'cache folder (default: llm.cache.dir, else $IACPAC_CACHE_DIR, else $XDG_CACHE_HOME/iacpac, else ~/.cache/iacpac)')
    .option('--no-kb', 'do not retrieve references from the knowledge base')
    .option('--no-autofix', 'no deterministic repairs (iacpac fix) before each verification: every repair is asked of the model')
    .option('--embeddings', 're-rank retrieved references with embeddings from the configured provider (or llm.embeddings)')
    .addHelpText(
      'after',
      '\nFiles written: --out (see above) and, unless --no-cache, the cache folder: llm/ (model replies), kb/ (knowledge-base\n' +
        'index), embeddings/. API keys are masked in every file written; a key a model puts into generated code is replaced\n' +
        'by [REDACTED] and reported. Each model request: 2 min for the whole reply, 30 s of silence at most (retried once),\n' +
        '1 MiB of reply text (llm.timeoutMs, llm.firstByteTimeoutMs, llm.maxReplyBytes in .iacpac.yaml).',
    )
    .action(async (requirementsText: string | undefined, options) => {
      const { generate } = await import('./generate.ts');
      await generate({ ...options, ...(requirementsText !== undefined ? { requirementsText } : {}) });
    });
}
