import { createInterface } from 'node:readline';

export type Decision = 'approve' | 'edit' | 'reject';

/** Line-by-line questions over one readline interface (answers typed ahead are queued, not lost). */
export interface Prompter {
  /** The next answer, or undefined once the input has ended. */
  question(text: string): Promise<string | undefined>;
  close(): void;
}

export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    question(text) {
      output.write(text);
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}

/**
 * Asks what to do with an escalated run: approve the files as they are, edit them in --out and have them verified
 * again, or reject. Unknown answers are asked again (at most 5 times); end of input means reject.
 */
export async function askDecision(prompter: Prompter, output: NodeJS.WritableStream, summary: string): Promise<Decision> {
  output.write(`${summary}\n`);
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = (await prompter.question('[a]pprove as is, [e]dit the files in the output folder and re-verify, or [r]eject? '))?.trim().toLowerCase();
    if (answer === undefined) return 'reject';
    if (answer === 'a' || answer === 'approve') return 'approve';
    if (answer === 'e' || answer === 'edit') return 'edit';
    if (answer === 'r' || answer === 'reject') return 'reject';
    output.write('Please answer a, e or r.\n');
  }
  return 'reject';
}
