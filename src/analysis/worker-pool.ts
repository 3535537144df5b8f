import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { analyzeRoot, type RootOutcome, type RootTask } from './analyze-root.ts';

/** Fewer roots than this are analysed in this thread: a worker's start-up (schemas, policy compilation) costs more. */
export const MIN_ROOTS_PER_EXTRA_THREAD = 4;

/** The default parallelism for `roots` roots: this thread alone for a few, else one thread per core (at most 8). */
export function defaultJobs(roots: number): number {
  return Math.max(1, Math.min(availableParallelism(), 8, Math.floor(roots / MIN_ROOTS_PER_EXTRA_THREAD) + 1));
}

/**
 * The young generation of the pool's worker threads, in MB (V8's default grows a thread's to 32 MB of semi-spaces
 * while it analyses roots of a few hundred resources and more). An isolate's resource limit, unlike a V8 flag, leaves
 * the code caches usable (scripts/build.mjs). Measured on a 500-root repository (2 threads): ~20 MB less peak memory
 * at the same CPU; 3 MB costs more CPU collecting garbage.
 */
export const POOL_YOUNG_GENERATION_MB = 12;

/** What the pool sends a worker thread: one root, and whether the thread is sent none after it (no task is left). */
export interface RootRequest {
  id: number;
  task: RootTask;
  lastLoad: boolean;
}

/** A worker thread's answer to a `RootRequest`. */
export type RootReply = { id: number; outcome: unknown; error?: undefined } | { id: number; error: { message: string; stack?: string | undefined } };

/**
 * Answers one request in the thread that runs it (root-worker.ts posts the reply, which the structured clone of
 * `postMessage` copies: the outcome is plain data but for its source ranges, made plain here).
 */
export function answerRootRequest(request: RootRequest): Promise<RootReply> {
  return analyzeRoot(request.task, request.lastLoad).then(
    (outcome) => ({ id: request.id, outcome: plainRanges(outcome) }),
    (error: unknown) => ({
      id: request.id,
      error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    }),
  );
}

/**
 * A new worker running the entry beside this module: `root-worker.js` in the bundle; from the sources (tests, tsx),
 * a bootstrap that registers tsx's loader in the worker before importing `root-worker.ts`. Its young generation is
 * `POOL_YOUNG_GENERATION_MB` (unless V8 options given to node set it).
 */
export function startWorker(): Worker {
  const withoutProfile = process.execArgv.filter((a) => !a.startsWith('--cpu-prof'));
  // The thread inherits the process's Node options as they are. A list given explicitly is parsed again, and Node
  // refuses V8 options there (node --max-old-space-size=4096 … scan failed with an internal error): only a CPU profile
  // (--cpu-prof, one file per thread) is left to the main thread, when Node accepts the remaining options.
  const start = (execArgv: string[] | undefined): Worker => {
    const resourceLimits: ResourceLimits = { maxYoungGenerationSizeMb: POOL_YOUNG_GENERATION_MB };
    const options = { ...(execArgv ? { execArgv } : {}), resourceLimits, stdout: false, stderr: false };
    if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./root-worker.js', import.meta.url), options);
    const tsx = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href;
    const entry = new URL('./root-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { ...options, eval: true });
  };
  if (withoutProfile.length === process.execArgv.length) return start(undefined);
  try {
    return start(withoutProfile);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_WORKER_INVALID_EXEC_ARGV') return start(undefined);
    throw error;
  }
}

/**
 * Analyses every task, `jobs` at a time: this thread takes tasks too, and `jobs - 1` worker threads take the rest
 * (each compiles the policies once). Results come back in task order. A worker that dies fails the run (an internal
 * error), as an exception in this thread would.
 */
export async function analyzeRoots(tasks: RootTask[], jobs = defaultJobs(tasks.length)): Promise<RootOutcome[]> {
  const results: RootOutcome[] = new Array(tasks.length);
  let next = 0;
  const take = (): number | undefined => (next < tasks.length ? next++ : undefined);
  // No task left to take: the thread that took the last one loads nothing after it (its parser worker can stop at once).
  const noneLeft = (): boolean => next >= tasks.length;
  const extra = Math.min(Math.max(0, jobs - 1), Math.max(0, tasks.length - 1));
  const workers: Worker[] = [];
  const runners: Array<Promise<void>> = [];
  if (extra > 0) {
    for (let i = 0; i < extra; i++) {
      const worker = startWorker();
      workers.push(worker);
      runners.push(runWorker(worker, tasks, results, take, noneLeft));
    }
  }
  // This thread: yields between tasks so the workers' messages are handled while it works.
  runners.push(
    (async () => {
      for (let index = take(); index !== undefined; index = take()) {
        results[index] = await analyzeRoot(tasks[index] as RootTask, noneLeft());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })(),
  );
  try {
    await Promise.all(runners);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * `value` with every object under it that has a JSON form of its own (`toJSON`) replaced by that form, in place: a
 * structured clone copies only own data properties, and the model's lazy source ranges (IndexRange,
 * hcl/position-map.ts) compute their positions in getters; their `toJSON` gives the plain range.
 */
export function plainRanges<T extends object>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) {
        if (hasJsonForm(v)) value[i] = v.toJSON();
        else plainRanges(v);
      }
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (typeof v === 'object' && v !== null) {
      if (hasJsonForm(v)) record[key] = v.toJSON();
      else plainRanges(v);
    }
  }
  return value;
}

function hasJsonForm(v: object): v is { toJSON(): unknown } {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function runWorker(worker: Worker, tasks: RootTask[], results: RootOutcome[], take: () => number | undefined, noneLeft: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const send = (): void => {
      const index = take();
      if (index === undefined) resolve();
      else worker.postMessage({ id: index, task: tasks[index]!, lastLoad: noneLeft() } satisfies RootRequest);
    };
    worker.on('message', (message: RootReply) => {
      if (message.error) {
        const error = new Error(`${tasks[message.id]?.dir}: ${message.error.message}`);
        if (message.error.stack) error.stack = message.error.stack;
        reject(error);
        return;
      }
      results[message.id] = message.outcome as RootOutcome;
      send();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`a scan worker thread exited with code ${code}`));
    });
    send();
  });
}
