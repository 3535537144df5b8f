import { appendFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, ftruncateSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** One line of `results.jsonl`: one attempt of one sample of one task by one model. Field names are a contract. */
export interface AttemptRecord {
  model: string;
  index: number;
  difficulty: number;
  sample: number;
  attempt: number;
  /** Last attempt of that sample (valid, out of attempts, or stopped by an infrastructure error). */
  final: boolean;
  valid: boolean;
  diagnostics: Array<{ severity: string; summary: string; detail?: string; line?: number }>;
  object_recall: number | null;
  object_precision: number | null;
  predicted_object_types: number;
  /** IaC-Eval verdict on the plan of the generated script; null when the script does not plan. */
  intent_correct: boolean | null;
  /** LLM-judge intent score 1-5; null without a judge. */
  intent_score: number | null;
  intent_reasons?: string;
  /** Why the judge gave no score for this final script (a judge ran but its call failed); absent otherwise. */
  judge_error?: { reason: string; message: string };
  findings: Array<{ policy_id: string; severity: string; resource: string; checkov?: string[] }>;
  /**
   * `bench --autofix`: the same script after iacpac's deterministic repairs (validator- and policy-driven, each
   * verified, without knowledge of the intent), checked the same way. The conversation is the unrepaired one: the
   * model is shown its own script's errors, so both columns come from the same model calls.
   */
  autofix?: {
    valid: boolean;
    /** The errors left after the repairs. */
    diagnostics: Array<{ severity: string; summary: string; line?: number }>;
    intent_correct: boolean | null;
    findings: Array<{ policy_id: string; severity: string; resource: string; checkov?: string[] }>;
    /** The repairs kept, in order (empty: nothing to repair, or nothing verified). */
    repairs: Array<{ kind: string; source: 'validate' | 'security'; location: string; description: string }>;
    /** The repaired Terraform, when a repair changed it. */
    output?: string;
    /** Why the repairs could not be tried (the attempt then counts as unrepaired). */
    error?: string;
  };
  usage: { input_tokens: number; output_tokens: number; cost_usd: number; latency_ms: number; cached: boolean };
  /** Infrastructure/API error (not a model failure), if any. */
  error: string | null;
  /** The extracted Terraform (kept so reports can be rebuilt and results audited). */
  output?: string;
  /** The model's raw answer (needed to rebuild the conversation when a run resumes). */
  answer?: string;
  timestamp: string;
}

export const RESULTS_FILE = 'results.jsonl';
export const CONFIG_FILE = 'run-config.json';

/** Key of one sample; a sample is finished when a `final` line exists for it. */
export const sampleKey = (r: Pick<AttemptRecord, 'model' | 'index' | 'sample'>) => `${r.model}\u0000${r.index}\u0000${r.sample}`;

/**
 * Append-only store. Each record is written with a single append of one complete line, so a killed
 * process leaves at most one partial last line, which `open()` drops before resuming.
 */
export class ResultsStore {
  readonly path: string;
  private constructor(readonly dir: string) {
    this.path = join(dir, RESULTS_FILE);
  }

  static open(dir: string): ResultsStore {
    mkdirSync(dir, { recursive: true });
    const store = new ResultsStore(dir);
    store.repairTail();
    return store;
  }

  /** Drops a trailing partial line left by a killed run. */
  private repairTail(): void {
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    if (text === '' || text.endsWith('\n')) return;
    const keep = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
    const fd = openSync(this.path, 'r+');
    try {
      ftruncateSync(fd, keep);
    } finally {
      closeSync(fd);
    }
  }

  read(): AttemptRecord[] {
    return readResults(this.dir);
  }

  append(record: AttemptRecord): void {
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
  }

  writeConfig(config: unknown): void {
    const tmp = join(this.dir, `${CONFIG_FILE}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`);
    renameSync(tmp, join(this.dir, CONFIG_FILE));
  }
}

/** Reads every complete line of a run's results (a partial last line is ignored). */
export function readResults(dir: string): AttemptRecord[] {
  const path = join(dir, RESULTS_FILE);
  if (!existsSync(path)) return [];
  const records: AttemptRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as AttemptRecord);
    } catch {
      // a partial line from a killed run: ignored
    }
  }
  return records;
}

/**
 * What a resumed run must skip or continue: finished samples, and for unfinished ones the attempts already
 * recorded (so attempt numbering continues and no line is written twice).
 */
export function resumeState(records: AttemptRecord[]): { finished: Set<string>; attempts: Map<string, AttemptRecord[]> } {
  const finished = new Set<string>();
  const attempts = new Map<string, AttemptRecord[]>();
  for (const r of records) {
    const key = sampleKey(r);
    // A sample that ended in an infrastructure error is not finished: a rerun retries it.
    if (r.final && r.error === null) finished.add(key);
    const list = attempts.get(key) ?? [];
    list.push(r);
    attempts.set(key, list);
  }
  return { finished, attempts };
}
