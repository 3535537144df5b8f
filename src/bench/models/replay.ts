import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../../core/errors.ts';
import type { BenchTask } from '../dataset.ts';
import { offlineResult, type BenchModel } from './bench-model.ts';

/** Recorded outputs by task index, then by (sample, attempt) — attempt 1 when the file does not say. */
export type Recording = Map<number, Map<string, string>>;

const slot = (sample: number, attempt: number) => `${sample}/${attempt}`;

/**
 * Reads recorded model outputs: JSONL lines `{"index": <row>, "output": "<text>", "sample"?: n, "attempt"?: k}`,
 * or an IaC-Eval results CSV with `LLM Output #0`, `LLM Output #1`, ... columns (one sample each), matched to
 * dataset rows by their `Prompt` column when present, else by row order.
 */
export function readRecording(path: string, tasks: BenchTask[]): Recording {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`replay file not found: ${path}`);
  }
  const recording: Recording = new Map();
  const put = (index: number, sample: number, attempt: number, output: string) => {
    const slots = recording.get(index) ?? new Map<string, string>();
    slots.set(slot(sample, attempt), output);
    recording.set(index, slots);
  };
  if (extname(path).toLowerCase() === '.csv') {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
    const outputColumns = Object.keys(rows[0] ?? {})
      .map((c) => /^LLM Output #(\d+)$/.exec(c))
      .filter((m): m is RegExpExecArray => m !== null);
    if (rows.length && outputColumns.length === 0) throw new InputError(`${path}: no "LLM Output #0" column (expected an IaC-Eval results CSV)`);
    const byPrompt = new Map(tasks.map((t) => [t.prompt.trim(), t.index]));
    rows.forEach((row, i) => {
      const index = row.Prompt !== undefined ? byPrompt.get(row.Prompt.trim()) : i;
      if (index === undefined) return;
      for (const m of outputColumns) {
        const output = row[m[0]];
        if (output) put(index, Number(m[1]), 1, output);
      }
    });
    return recording;
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: { index?: unknown; output?: unknown; sample?: unknown; attempt?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch (error) {
      throw new InputError(`${path}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof row.index !== 'number' || typeof row.output !== 'string')
      throw new InputError(`${path}:${i + 1}: each line needs "index" (number) and "output" (string)`);
    put(row.index, typeof row.sample === 'number' ? row.sample : 0, typeof row.attempt === 'number' ? row.attempt : 1, row.output);
  });
  return recording;
}

/**
 * A pseudo-model answering from a recording. An attempt with no recorded answer returns null: the sample ends
 * there (a recording of single answers gives one attempt per sample).
 */
export function replayModel(path: string, tasks: BenchTask[]): BenchModel {
  const recording = readRecording(path, tasks);
  return {
    name: `replay:${basename(path)}`,
    concurrency: 4,
    async answer({ task, sample, attempt }) {
      const text = recording.get(task.index)?.get(slot(sample, attempt));
      return text === undefined ? null : offlineResult(text);
    },
    recordedAttempts(task, sample) {
      let n = 0;
      while (recording.get(task.index)?.has(slot(sample, n + 1))) n++;
      return n;
    },
  };
}
