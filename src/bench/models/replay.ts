import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../../core/errors.ts';
import type { BenchTask } from '../dataset.ts';
import { offlineResult, type BenchModel, type RecordedUsage } from './bench-model.ts';

/** One recorded answer, with the usage recorded beside it (if any). */
export interface RecordedAnswer {
  text: string;
  usage?: RecordedUsage;
}

/** Recorded outputs by task index, then by (sample, attempt) — attempt 1 when the file does not say. */
export type Recording = Map<number, Map<string, RecordedAnswer>>;

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`replay file not found: ${path}`);
  }
}

/** Every non-empty line of a JSONL replay file, parsed, with its 1-based line number (for messages). */
export function readJsonLines(path: string): Array<{ line: number; row: Record<string, unknown> }> {
  const out: Array<{ line: number; row: Record<string, unknown> }> = [];
  readText(path)
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new InputError(`${path}:${i + 1}: invalid JSON (${(error as Error).message})`);
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError(`${path}:${i + 1}: each line must be a JSON object`);
      out.push({ line: i + 1, row: row as Record<string, unknown> });
    });
  return out;
}

/**
 * The optional `usage` of a replay line: `{"input_tokens", "output_tokens", "cost_usd"?, "latency_ms"?}` (the
 * field names of `results.jsonl`), so a recording of a real run keeps its tokens and cost.
 */
export function recordedUsage(value: unknown, where: string): RecordedUsage | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new InputError(`${where}: "usage" must be an object {input_tokens, output_tokens, cost_usd?, latency_ms?}`);
  const usage = value as Record<string, unknown>;
  const field = (name: string, required: boolean) => {
    const v = usage[name];
    if (v === undefined && !required) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InputError(`${where}: usage.${name} must be a non-negative number`);
    return v;
  };
  return { input_tokens: field('input_tokens', true), output_tokens: field('output_tokens', true), cost_usd: field('cost_usd', false), latency_ms: field('latency_ms', false) };
}

const slot = (sample: number, attempt: number) => `${sample}/${attempt}`;

/**
 * Reads recorded model outputs: JSONL lines `{"index": <row>, "output": "<text>", "sample"?: n, "attempt"?: k,
 * "usage"?: {...}}`, or an IaC-Eval results CSV with `LLM Output #0`, `LLM Output #1`, ... columns (one sample each), matched to
 * dataset rows by their `Prompt` column when present, else by row order.
 */
export function readRecording(path: string, tasks: BenchTask[]): Recording {
  const recording: Recording = new Map();
  const put = (index: number, sample: number, attempt: number, answer: RecordedAnswer) => {
    const slots = recording.get(index) ?? new Map<string, RecordedAnswer>();
    slots.set(slot(sample, attempt), answer);
    recording.set(index, slots);
  };
  if (extname(path).toLowerCase() === '.csv') {
    const text = readText(path);
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
        if (output) put(index, Number(m[1]), 1, { text: output });
      }
    });
    return recording;
  }
  for (const { line, row } of readJsonLines(path)) {
    if (typeof row.index !== 'number' || typeof row.output !== 'string')
      throw new InputError(`${path}:${line}: each line needs "index" (number) and "output" (string)`);
    const usage = recordedUsage(row.usage, `${path}:${line}`);
    put(row.index, typeof row.sample === 'number' ? row.sample : 0, typeof row.attempt === 'number' ? row.attempt : 1, { text: row.output, ...(usage ? { usage } : {}) });
  }
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
      const answer = recording.get(task.index)?.get(slot(sample, attempt));
      return answer === undefined ? null : offlineResult(answer.text, answer.usage);
    },
    recordedAttempts(task, sample) {
      let n = 0;
      while (recording.get(task.index)?.has(slot(sample, n + 1))) n++;
      return n;
    },
  };
}
