import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { assetPath, packageRoot } from '../core/package-root.ts';
import { WASM_TIERING_FLAG } from './wasm-tiering.ts';

/**
 * HashiCorp's HCL parser (Go compiled to WebAssembly: `assets/hcl-syntax/`, built from `scripts/hcl-syntax/main.go`)
 * in a worker thread, so a parse can really be stopped: the Go code runs synchronously, and a runaway parse (an
 * unterminated 100k-line heredoc takes minutes, in Terraform too) or a Go runtime that dies (out of memory) would
 * otherwise block or take down the whole process. On a deadline the worker is terminated and a fresh one started
 * for the next file.
 *
 * Compiler tier. V8 runs WebAssembly first in its baseline compiler (Liftoff) and recompiles a function that stays hot
 * with its optimising compiler (TurboFan). In Go's module that is ~280 functions within the first file of any size: the
 * parser's (its scanner runs per character), but also Go's package initialisers (cty's function library, unicode
 * tables), which are huge, run once at start and never again. Optimising them all costs ~0.6 s CPU in V8's background
 * threads and ~40 MB of peak memory (TurboFan's working memory, up to 18 MB for HCL's scanner alone, for several
 * functions at once); it pays back only through running ~0.6 ms per KB faster, after ~1 MB of HCL. So a worker started
 * for little HCL compiles the module for the baseline compiler only (`--liftoff-only`, set around this one module's
 * compilation: V8 reads it when a module is compiled, and tree-sitter's module on the main thread is compiled long
 * before), and one started for more, or after a baseline worker has checked `BASELINE_MAX_BYTES`, tiers up as usual.
 * "Little" counts the files a loader announced (`announceHclSyntaxChecks`: a module's files are announced before the
 * first is parsed) and those waiting.
 */

/** What the worker answers for one parse. */
export type ParseOutcome =
  /** The file parsed; `model` is its AST as encoded by the module (`go-model.ts`), when asked for. */
  | { kind: 'ok'; model?: Uint8Array }
  /** HCL's error text (`parse config: [...]`). */
  | { kind: 'error'; message: string }
  /** The parse did not finish within the deadline (the worker was stopped). */
  | { kind: 'timeout' }
  /** The Go runtime died (e.g. `fatal error: out of memory`); `output` is the end of what it printed. */
  | { kind: 'crash'; output: string };

/**
 * WebAssembly memory never shrinks: after a file that made the Go heap grow past this (HCL takes 150–320 bytes of
 * heap per byte of source, so a file over ~400 KB), the worker is replaced so the process does not keep that memory
 * for the rest of the run. A 100 KB file of 500 resources leaves it at ~40 MB.
 * Go's collector settings do not lower that (measured on the 5k-resource root's 94 KB files: the module's memory ends
 * at 32–41 MB with GOGC 100, 50, 25 or 10, a GOMEMLIMIT of 10–14 MiB, or a `runtime.GC()` after every file, only with
 * more CPU): HCL's lexer allocates ~10 MB per 90 KB, growing one slice of 24k 96-byte tokens by doubling, so one parse
 * sets the high-water mark, and on js/wasm Go cannot hand freed pages back.
 */
const MAX_KEPT_MEMORY_BYTES = 128 * 1024 * 1024;

/**
 * Characters of HCL up to which a worker is started with the baseline compiler only, and after which such a worker is
 * replaced by one that optimises (see the file's comment): where the ~0.6 s CPU of optimising is paid back by running
 * ~0.6 ms per KB faster. Measured (process CPU, worker alone, 92 KB files): 1 file 0.28 s baseline vs 0.93 s
 * optimising, 10 files 1.6 vs 1.9 s, 20 files 2.9 vs 2.6 s; `validate` on the 5k-resource root (0.94 MB) costs the
 * same CPU either way and peaks ~40 MB lower with the baseline compiler.
 */
export const BASELINE_MAX_BYTES = 1024 * 1024;

/**
 * The worker's JavaScript heap holds little beyond the file in flight (the Go heap is WebAssembly memory): a young
 * generation of 1 MB instead of V8's default, which grew to 8 MB of semi-spaces over a 3.8 MB root, for the same CPU.
 */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 1 };

// The worker is plain JavaScript evaluated from a string, so it runs the same from the TypeScript sources (tsx,
// vitest) and from the esbuild bundle. Go's runtime prints fatal errors (a goroutine dump) to fd 2 through
// `globalThis.fs.writeSync` and then calls `go.exit`: both are intercepted and reported instead. The module is
// inflated, compiled and started once per worker; each file is one synchronous call of a Go function: `check`
// returns '' or HCL's diagnostics, `parse` HCL's diagnostics or the parsed file's encoded AST (a Uint8Array whose
// buffer is transferred to the main thread, not copied).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
let goOutput = '';
let crashed = false;
globalThis.fs = Object.assign(Object.create(require('node:fs')), {
  writeSync(fd, buffer) {
    if (fd !== 1 && fd !== 2) return require('node:fs').writeSync(fd, buffer);
    goOutput = (goOutput + Buffer.from(buffer).toString('utf8')).slice(-20000);
    return buffer.length;
  },
});
const api = {};
globalThis.__iacpac_hcl_syntax__ = api;
// A module that cannot be loaded (a broken installation) makes every check fail with its reason, never pass.
const ready = new Promise((resolve) => {
  // As a script: require() would load it as an ES module (the package is "type": "module"), which starts the ES module
  // loader in the worker (~5 ms CPU) for one file without imports.
  require('node:vm').runInThisContext(readFileSync(workerData.wasmExec, 'utf8'), { filename: workerData.wasmExec });
  const go = new globalThis.Go();
  go.exit = (code) => {
    crashed = true;
    parentPort.postMessage({ crash: true, code, output: goOutput.slice(-4000) });
  };
  // The build's inflated copy when there is one; else the packed module, inflated in one piece: gzip's trailer holds
  // the inflated size, and zlib's default 16 KiB pieces joined afterwards cost ~8 ms more (the module is 6.3 MB).
  const packed = readFileSync(workerData.wasm);
  const bytes = workerData.wasm.endsWith('.gz')
    ? require('node:zlib').gunzipSync(packed, { chunkSize: Math.max(64 * 1024, packed.readUInt32LE(packed.length - 4)) })
    : packed;
  // V8 reads --liftoff-only when a module is compiled: set only around this module's (synchronous) compilation.
  const { setFlagsFromString } = require('node:v8');
  // Only now, after the worker started (wasm-tiering.ts).
  setFlagsFromString(workerData.tieringFlag);
  if (workerData.baseline) setFlagsFromString('--liftoff-only');
  // --liftoff-only also turned tiering off for the process, and --no-liftoff-only does not turn it back on: a worker
  // that is to optimise, started after a baseline one, turns it on again.
  else if (workerData.restoreTiering) setFlagsFromString('--wasm-tier-up --wasm-dynamic-tiering');
  // Function bodies are validated as V8 compiles them (it compiles each on its first call) instead of all 3,000 up
  // front: ~14 ms CPU of the process's background threads per start, for a module whose bytes the build pinned. An
  // invalid body still fails (a CompileError when called: the check fails, never passes). Process-wide and never
  // unset: V8 aborts the process if it meets an invalid body it was told to compile lazily while the flag is off.
  setFlagsFromString('--wasm-lazy-validation');
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } finally {
    if (workerData.baseline) setFlagsFromString('--no-liftoff-only');
  }
  resolve(WebAssembly.instantiate(module, go.importObject).then((instance) => new Promise((started, failed) => {
    // go.run's promise is already rejected when it returns if the program could not start (e.g. a function body that
    // does not validate): that rejection is handled first, so the worker reports it as not started.
    go.run(instance).catch(failed);
    queueMicrotask(() => started(instance.exports.mem));
  })));
});
ready.catch(() => undefined);
parentPort.on('message', ({ id, filename, source, model }) => {
  ready.then((memory) => {
    if (crashed) return;
    let verdict;
    try {
      verdict = model ? api.parse(filename, source) : api.check(filename, source);
    } catch (error) {
      if (!crashed) parentPort.postMessage({ id, error: String(error) });
      return;
    }
    if (crashed) return;
    if (typeof verdict === 'string') parentPort.postMessage({ id, verdict, memoryBytes: memory.buffer.byteLength });
    // The encoded AST's memory is handed over, not copied.
    else parentPort.postMessage({ id, verdict: '', model: verdict, memoryBytes: memory.buffer.byteLength }, [verdict.buffer]);
  }, (error) => parentPort.postMessage({ id, error: 'it could not start: ' + (error && error.message ? error.message : String(error)) }));
});
`;

interface Pending {
  id: number;
  /** Length of the source. */
  chars: number;
  resolve: (outcome: ParseOutcome) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
/** Whether `worker` runs HCL with the baseline compiler only. */
let workerBaseline = false;
/** Characters announced by loaders (`announceHclSyntaxChecks`) and not asked for yet. */
let announcedBytes = 0;
/** Characters asked for and not answered yet. */
let waitingBytes = 0;
/** Characters checked by baseline-only workers in this process. */
let baselineBytes = 0;
/** A baseline-only worker was started in this process (its flag turned V8's WebAssembly tiering off). */
let baselineStarted = false;
/** The process was started with --liftoff-only already (bench:scan's workers): then the flag is left alone. */
const processLiftoffOnly = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].includes('--liftoff-only');
let pending: Pending | undefined;
let nextId = 1;
/** Parses asked for and not yet answered (the one in the worker included). */
let waiting = 0;
let idleTimer: NodeJS.Timeout | undefined;
/**
 * A worker with nothing to check for this long is stopped, which returns its memory (~25 MB, most of it the Go heap)
 * before a scan's peak; a repository scan loads its next root long before that, and a restart costs ~0.1 s CPU.
 */
const IDLE_MS = 1000;
/** Parses are serialised: one worker, one file at a time (the WebAssembly parser is single-threaded anyway). */
let queue: Promise<unknown> = Promise.resolve();

function paths(): { wasm: string; wasmExec: string } {
  return { wasm: (wasmFile ??= wasmPath()), wasmExec: assetPath('hcl-syntax', 'wasm_exec.js') };
}

let wasmFile: string | undefined;

/**
 * The WebAssembly module the worker loads: the copy `npm run build` inflates into dist/ (saves each worker start
 * ~14 ms of inflating and loading zlib) when it is at least as new as the packed module and has the size the gzip
 * trailer records, else the packed module itself (running from sources, or a build older than the asset).
 */
function wasmPath(): string {
  return chooseWasm(assetPath('hcl-syntax', 'hcl-syntax.wasm.gz'), join(packageRoot(), 'dist', 'hcl-syntax.wasm'));
}

/** `inflated` when it is the inflated form of `packed` as far as its size and time tell, else `packed`. */
export function chooseWasm(packed: string, inflated: string): string {
  try {
    const built = statSync(inflated);
    const source = statSync(packed);
    if (built.mtimeMs < source.mtimeMs) return packed;
    const trailer = Buffer.alloc(4);
    const fd = openSync(packed, 'r');
    try {
      readSync(fd, trailer, 0, 4, source.size - 4);
    } finally {
      closeSync(fd);
    }
    return built.size === trailer.readUInt32LE(0) ? inflated : packed;
  } catch {
    return packed;
  }
}

function settle(outcome: ParseOutcome): void {
  const current = pending;
  if (!current) return;
  pending = undefined;
  clearTimeout(current.timer);
  current.resolve(outcome);
}

function stopWorker(): void {
  const stopping = worker;
  worker = undefined;
  if (stopping) void stopping.terminate();
}

interface WorkerMessage {
  id?: number;
  /** '' when the source parsed, else HCL's diagnostics. */
  verdict?: string;
  /** The parsed file's encoded AST (asked for with `model`). */
  model?: Uint8Array;
  /** The worker could not run the check (an exception in the JavaScript glue). */
  error?: string;
  /** Size of the Go program's linear memory after the parse. */
  memoryBytes?: number;
  crash?: boolean;
  output?: string;
}

/**
 * A loader is about to check `chars` characters of native HCL (a module's files, announced before the first is parsed),
 * so a worker started now knows how much it will check. The loader takes each file's share off again
 * (`takeAnnounced`) as the file goes to the parser, whether or not it reaches the worker.
 */
export function announceHclSyntaxChecks(chars: number): void {
  announcedBytes += chars;
}

/** A file announced with `chars` is going to the parser (or could not be read): its share is no longer ahead. */
export function takeAnnounced(chars: number): void {
  announcedBytes = Math.max(0, announcedBytes - chars);
}

function startWorker(): Worker {
  workerBaseline = !processLiftoffOnly && baselineBytes + announcedBytes + waitingBytes <= BASELINE_MAX_BYTES;
  const restoreTiering = baselineStarted && !workerBaseline;
  baselineStarted ||= workerBaseline;
  const created = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...paths(), baseline: workerBaseline, restoreTiering, tieringFlag: WASM_TIERING_FLAG }, resourceLimits: WORKER_RESOURCE_LIMITS, stdout: true, stderr: true });
  created.unref();
  // Events of a worker that was already replaced (stopped on a deadline) concern no pending parse.
  created.on('message', (message: WorkerMessage) => {
    if (worker !== created) return;
    if (message.crash) {
      stopWorker();
      settle({ kind: 'crash', output: message.output ?? '' });
    } else if (pending && message.id === pending.id) {
      if ((message.memoryBytes ?? 0) > MAX_KEPT_MEMORY_BYTES) stopWorker();
      // After this much HCL the optimising compiler pays: the next file starts a worker that uses it.
      if (workerBaseline && (baselineBytes += pending.chars) > BASELINE_MAX_BYTES) stopWorker();
      if (message.error !== undefined) settle({ kind: 'error', message: message.error });
      else if (message.verdict) settle({ kind: 'error', message: message.verdict });
      else settle(message.model ? { kind: 'ok', model: message.model } : { kind: 'ok' });
    }
  });
  const died = (output: string): void => {
    if (worker !== created) return;
    worker = undefined;
    settle({ kind: 'crash', output });
  };
  created.on('error', (error) => died(error instanceof Error ? error.message : String(error)));
  created.on('exit', () => died('the parser worker exited'));
  return created;
}

/**
 * HCL's verdict on one native-syntax file, within `deadlineMs` (counted from when the worker takes the file, so
 * files queued behind a slow one are not penalised); with `model`, a file that parses comes with its encoded AST.
 */
export function parseInWorker(filename: string, source: string, deadlineMs: number, model = false): Promise<ParseOutcome> {
  // With no parse in flight the file is posted at once, so the worker checks it while the caller goes on.
  const idle = waiting === 0;
  waiting++;
  waitingBytes += source.length;
  clearTimeout(idleTimer);
  const start = (): Promise<ParseOutcome> =>
    new Promise<ParseOutcome>((resolve) => {
      worker ??= startWorker();
      const id = nextId++;
      const timer = setTimeout(() => {
        stopWorker();
        settle({ kind: 'timeout' });
      }, deadlineMs);
      pending = { id, chars: source.length, resolve, timer };
      worker.ref();
      worker.postMessage({ id, filename, source, model });
    }).finally(() => {
      waitingBytes -= source.length;
      worker?.unref();
      if (--waiting === 0) {
        idleTimer = setTimeout(stopWorker, IDLE_MS);
        idleTimer.unref();
      }
    });
  const run = idle ? start() : queue.then(start);
  queue = run;
  return run;
}

/** Whether a worker thread is alive now (tests). */
export function hclWorkerRunning(): boolean {
  return worker !== undefined;
}

/** The limits of the running worker's JavaScript heap (tests). */
export function hclWorkerResourceLimits(): Worker['resourceLimits'] {
  return worker?.resourceLimits;
}

/** Whether the running worker compiled HCL for the baseline compiler only (tests). */
export function hclWorkerBaseline(): boolean {
  return worker !== undefined && workerBaseline;
}

/** Stops the worker (tests, or a host that wants its thread back); the next parse starts a new one. */
export function stopHclWorker(): void {
  stopWorker();
}
