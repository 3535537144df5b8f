import { readFileSync, existsSync } from 'node:fs';
import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../core/errors.ts';
import { seededRandom as random } from '../core/seeded-random.ts';

/** One IaC-Eval task. `index` is the row in the original HF data.csv. */
export interface BenchTask {
  index: number;
  resource: string;
  prompt: string;
  regoIntent: string;
  difficulty: number;
  referenceOutput: string;
  intent: string;
}

export interface DatasetFilter {
  difficulties?: number[];
  limit?: number;
  /** Shuffle deterministically with this seed before applying `limit`. */
  seed?: number;
}

const CSV_COLUMNS = {
  resource: 'Resource',
  prompt: 'Prompt',
  regoIntent: 'Rego intent',
  difficulty: 'Difficulty',
  referenceOutput: 'Reference output',
  intent: 'Intent',
} as const;

/** Loads IaC-Eval from JSONL (our shared copy), the original CSV (HF column names) or parquet. */
export async function loadDataset(path: string, filter: DatasetFilter = {}): Promise<BenchTask[]> {
  if (!existsSync(path)) throw new InputError(`dataset not found: ${path} (give a .jsonl, .csv or .parquet file)`);
  const gz = path.toLowerCase().endsWith('.gz');
  const ext = extname(gz ? path.slice(0, -3) : path).toLowerCase();
  let tasks: BenchTask[];
  if (ext === '.jsonl' || ext === '.ndjson') tasks = readJsonl(path, readText(path, gz));
  else if (ext === '.csv') tasks = readCsv(path, readText(path, gz));
  else if (ext === '.parquet') tasks = await readParquet(path);
  else throw new InputError(`unsupported dataset format "${ext}" for ${path} (use .jsonl, .csv or .parquet)`);
  return applyFilter(tasks, filter);
}

function readText(path: string, gz: boolean): string {
  const bytes = readFileSync(path);
  try {
    return (gz ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new InputError(`cannot decompress ${path}: ${(error as Error).message}`);
  }
}

function readJsonl(path: string, text: string): BenchTask[] {
  const lines = text.split('\n');
  const tasks: BenchTask[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`${path}:${i + 1}: invalid JSON line (${(error as Error).message})`);
    }
    tasks.push(
      toTask(
        {
          index: row.index ?? tasks.length,
          resource: row.resource,
          prompt: row.prompt,
          regoIntent: row.rego_intent,
          difficulty: row.difficulty,
          referenceOutput: row.reference_output,
          intent: row.intent,
        },
        `${path}:${i + 1}`,
      ),
    );
  });
  return tasks;
}

function readCsv(path: string, text: string): BenchTask[] {
  const records = parseCsv(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<
    Record<string, string>
  >;
  const header = Object.keys(records[0] ?? {});
  for (const column of [CSV_COLUMNS.prompt, CSV_COLUMNS.referenceOutput]) {
    if (records.length && !header.includes(column))
      throw new InputError(`${path}: missing CSV column "${column}" (expected IaC-Eval columns: ${Object.values(CSV_COLUMNS).join(', ')})`);
  }
  return records.map((r, i) =>
    toTask(
      {
        index: i,
        resource: r[CSV_COLUMNS.resource],
        prompt: r[CSV_COLUMNS.prompt],
        regoIntent: r[CSV_COLUMNS.regoIntent],
        difficulty: r[CSV_COLUMNS.difficulty],
        referenceOutput: r[CSV_COLUMNS.referenceOutput],
        intent: r[CSV_COLUMNS.intent],
      },
      `${path}:row ${i + 1}`,
    ),
  );
}

async function readParquet(path: string): Promise<BenchTask[]> {
  const { parquetReadObjects } = await import('hyparquet');
  const buffer = readFileSync(path);
  const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
  return rows.map((r, i) =>
    toTask(
      {
        index: i,
        resource: r[CSV_COLUMNS.resource] ?? r.resource,
        prompt: r[CSV_COLUMNS.prompt] ?? r.prompt,
        regoIntent: r[CSV_COLUMNS.regoIntent] ?? r.rego_intent,
        difficulty: r[CSV_COLUMNS.difficulty] ?? r.difficulty,
        referenceOutput: r[CSV_COLUMNS.referenceOutput] ?? r.reference_output,
        intent: r[CSV_COLUMNS.intent] ?? r.intent,
      },
      `${path}:row ${i + 1}`,
    ),
  );
}

function toTask(raw: Record<keyof BenchTask, unknown>, where: string): BenchTask {
  const text = (v: unknown) => (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v));
  const difficulty = Number(raw.difficulty);
  const index = Number(raw.index);
  if (!text(raw.prompt)) throw new InputError(`${where}: row has no prompt`);
  if (!Number.isInteger(difficulty)) throw new InputError(`${where}: difficulty "${text(raw.difficulty)}" is not an integer`);
  return {
    index: Number.isInteger(index) ? index : 0,
    resource: text(raw.resource),
    prompt: text(raw.prompt),
    regoIntent: text(raw.regoIntent),
    difficulty,
    referenceOutput: text(raw.referenceOutput),
    intent: text(raw.intent),
  };
}


export function applyFilter(tasks: BenchTask[], filter: DatasetFilter): BenchTask[] {
  let out = filter.difficulties?.length ? tasks.filter((t) => filter.difficulties!.includes(t.difficulty)) : [...tasks];
  if (filter.seed !== undefined) {
    const next = random(filter.seed);
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
  }
  if (filter.limit !== undefined) out = out.slice(0, filter.limit);
  return out;
}
