/** `iacpac generate` usage and configuration errors: one clear line on stderr, exit 2, nothing written. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startLlmTestServer } from '../helpers/llm-test-server.ts';

/** Each case spawns the CLI (one or more runs of several seconds); generous for a loaded 2-core machine. */
const E2E_TIMEOUT_MS = 300_000;

const work = mkdtempSync(join(tmpdir(), 'iacpac-generate-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'req.md'), 'An S3 bucket.\n');
writeFileSync(join(work, 'binary.md'), Buffer.from([0x41, 0x00, 0x42]));
mkdirSync(join(work, 'occupied'));
writeFileSync(join(work, 'occupied', 'notes.txt'), 'mine\n');
writeFileSync(join(work, 'bad-config.yaml'), 'llm:\n  provider: gemini\n');

// Closed port: nothing answers, so no Ollama is reachable.
const NO_OLLAMA = { OLLAMA_HOST: 'http://127.0.0.1:9' };
const WITH_KEY = { OPENAI_API_KEY: 'sk-test-0123456789abcdefghij', ...NO_OLLAMA };

describe('iacpac generate errors', { timeout: E2E_TIMEOUT_MS }, () => {
  it.each([
    ['no requirements', [], WITH_KEY, 'iacpac: no requirements: run iacpac generate "<requirements>" or iacpac generate --requirements <file>'],
    ['text and file', ['An S3 bucket', '--requirements', 'req.md'], WITH_KEY, 'iacpac: give the requirements either as text or with --requirements <file>, not both'],
    ['missing file', ['--requirements', 'nope.md'], WITH_KEY, 'iacpac: --requirements nope.md: no such file'],
    ['binary file', ['--requirements', 'binary.md'], WITH_KEY, 'iacpac: --requirements binary.md: not a text file'],
    ['bad iterations', ['x', '--max-iterations', '0'], WITH_KEY, 'iacpac: --max-iterations 0: expected a whole number from 1 to 50'],
    ['non-empty out', ['x', '--out', 'occupied'], WITH_KEY, `iacpac: --out ${join(work, 'occupied')} is not empty and not a previous iacpac generate output; choose a new directory`],
    ['bad config', ['x', '--config', 'bad-config.yaml'], WITH_KEY, `iacpac: ${join(work, 'bad-config.yaml')}: llm.provider: Invalid enum value.`],
    ['interactive without a terminal', ['x', '--interactive'], WITH_KEY, 'iacpac: --interactive needs a terminal on stdin (run it in a shell, not a pipe)'],
    ['no provider', ['x', '--out', 'never'], NO_OLLAMA, 'iacpac: no LLM provider configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or AZURE_OPENAI_API_KEY + AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_DEPLOYMENT, start Ollama (or set OLLAMA_HOST), or pass --provider/--model/--base-url (or set llm.provider in .iacpac.yaml)'],
    ['openai-compatible without endpoint', ['x', '--provider', 'openai-compatible'], NO_OLLAMA, 'iacpac: openai-compatible: no endpoint: pass --base-url <url> (e.g. http://localhost:8000/v1)'],
  ])('%s', async (_name, args, env, message) => {
    const run = await runCli(['generate', ...args], { cwd: work, env });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toContain(message);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('rejects an unknown provider through the option choices', async () => {
    const run = await runCli(['generate', 'x', '--provider', 'gemini'], { cwd: work, env: WITH_KEY });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: option '--provider <name>' argument 'gemini' is invalid. Allowed choices are openai, azure, anthropic, ollama, openai-compatible.");
  });

  it('stops on an API error that retrying cannot fix: exit 2, one line, report.json with the error, no key anywhere', async () => {
    const key = 'sk-test-wrongkey-0123456789abcdef';
    const server = await startLlmTestServer([{ status: 401, body: { error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error' } } }]);
    try {
      const run = await runCli(['generate', 'An S3 bucket', '--provider', 'openai', '--base-url', server.openaiBaseUrl, '--out', 'unauthorized', '--no-cache'], { cwd: work, env: { OPENAI_API_KEY: key, ...NO_OLLAMA } });
      expect(run.code).toBe(2);
      // Progress lines, then exactly one error line.
      expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('iacpac:'))).toHaveLength(1);
      expect(run.stderr.trim().split('\n').at(-1)).toContain(`iacpac: openai model gpt-4o failed at ${server.openaiBaseUrl}/chat/completions: HTTP 401:`);
      expect(run.stderr).toContain('(check the API key)');
      expect(server.requests).toHaveLength(1);
      const report = JSON.parse(readFileSync(join(work, 'unauthorized', 'report.json'), 'utf8')) as { status: string; exit_code: number; error: string };
      expect([report.status, report.exit_code]).toEqual(['error', 2]);
      for (const text of [run.stderr, readFileSync(join(work, 'unauthorized', 'report.json'), 'utf8'), readFileSync(join(work, 'unauthorized', 'trace.jsonl'), 'utf8')]) {
        expect(text).not.toContain(key);
      }
    } finally {
      await server.close();
    }
  });
});
