// Result types of the benchmark, re-exported by the public API.
export type { RunBenchResult } from '../bench/run-bench.ts';
export type { AttemptRecord } from '../bench/results-store.ts';
