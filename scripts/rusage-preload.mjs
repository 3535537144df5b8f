// Loaded with `node --import` by scripts/bench-scale.ts: when the process exits, writes its own resource usage
// (getrusage: CPU of every thread, peak RSS) as JSON to the file named by IACPAC_RUSAGE_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.IACPAC_RUSAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS }));
  });
}
