import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * HashiCorp's HCL parser (`@cdktf/hcl2json`, Go compiled to WebAssembly) in a worker thread, so a parse can really be
 * stopped: the Go code runs synchronously, and a runaway parse (an unterminated 100k-line heredoc takes minutes, in
 * Terraform too) or a Go runtime that dies (out of memory) would otherwise block or take down the whole process.
 * On a deadline the worker is terminated and a fresh one started for the next file.
 */

/** What the worker answers for one parse. */
export type ParseOutcome =
  | { kind: 'ok' }
  /** HCL's error text (`parse config: [...]`, or a conversion error). */
  | { kind: 'error'; message: string }
  /** The parse did not finish within the deadline (the worker was stopped). */
  | { kind: 'timeout' }
  /** The Go runtime died (e.g. `fatal error: out of memory`); `output` is the end of what it printed. */
  | { kind: 'crash'; output: string };

// The worker is plain JavaScript evaluated from a string, so it runs the same from the TypeScript sources (tsx,
// vitest) and from the esbuild bundle. Go's runtime prints fatal errors (a goroutine dump) to fd 2 through
// `globalThis.fs.writeSync` and then calls `go.exit`: both are intercepted and reported instead.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let goOutput = '';
require(workerData.wasmExec);
const realFs = globalThis.fs;
globalThis.fs = Object.assign(Object.create(realFs), {
  writeSync(fd, buffer) {
    if (fd === 1 || fd === 2) {
      goOutput = (goOutput + Buffer.from(buffer).toString('utf8')).slice(-20000);
      return buffer.length;
    }
    return realFs.writeSync(fd, buffer);
  },
});
const BaseGo = globalThis.Go;
globalThis.Go = class extends BaseGo {
  constructor() {
    super();
    this.exit = (code) => parentPort.postMessage({ crash: true, code, output: goOutput.slice(-4000) });
  }
};
// Loading the package starts the Go program, which registers its functions on this global object. Calling them
// directly skips the package's JSON.parse of the converted document: only the verdict is needed.
require(workerData.hcl2json);
const whenReady = new Promise((resolve) => {
  const poll = () => (globalThis.__parse_terraform_config_wasm__ && typeof globalThis.__parse_terraform_config_wasm__.parse === 'function' ? resolve() : setTimeout(poll, 1));
  poll();
});
parentPort.on('message', ({ id, filename, source }) => {
  whenReady.then(() => {
    globalThis.__parse_terraform_config_wasm__.parse(filename, source, (error) => {
      parentPort.postMessage(error ? { id, error: String(error) } : { id, ok: true });
    });
  });
});
`;

interface Pending {
  id: number;
  resolve: (outcome: ParseOutcome) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
let pending: Pending | undefined;
let nextId = 1;
/** Parses are serialised: one worker, one file at a time (the WebAssembly parser is single-threaded anyway). */
let queue: Promise<unknown> = Promise.resolve();

function paths(): { hcl2json: string; wasmExec: string } {
  const require = createRequire(import.meta.url);
  const hcl2json = require.resolve('@cdktf/hcl2json');
  return { hcl2json, wasmExec: join(dirname(hcl2json), '..', 'wasm', 'bridge_wasm_exec.js') };
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

function startWorker(): Worker {
  const created = new Worker(WORKER_SOURCE, { eval: true, workerData: paths(), stdout: true, stderr: true });
  created.unref();
  // Events of a worker that was already replaced (stopped on a deadline) concern no pending parse.
  created.on('message', (message: { id?: number; ok?: boolean; error?: string; crash?: boolean; output?: string }) => {
    if (worker !== created) return;
    if (message.crash) {
      stopWorker();
      settle({ kind: 'crash', output: message.output ?? '' });
    } else if (message.id === pending?.id) {
      settle(message.ok ? { kind: 'ok' } : { kind: 'error', message: message.error ?? '' });
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
 * files queued behind a slow one are not penalised).
 */
export function parseInWorker(filename: string, source: string, deadlineMs: number): Promise<ParseOutcome> {
  const run = queue.then(
    () =>
      new Promise<ParseOutcome>((resolve) => {
        worker ??= startWorker();
        const id = nextId++;
        const timer = setTimeout(() => {
          stopWorker();
          settle({ kind: 'timeout' });
        }, deadlineMs);
        pending = { id, resolve, timer };
        worker.ref();
        worker.postMessage({ id, filename, source });
      }).finally(() => worker?.unref()),
  );
  queue = run;
  return run;
}

/** Stops the worker (tests, or a host that wants its thread back); the next parse starts a new one. */
export function stopHclWorker(): void {
  stopWorker();
}
