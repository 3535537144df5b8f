// Worker process for scripts/bench-scan.ts (forked with the tsx loader): scans the reference folders it is given with
// one compiled Scanner and sends back, per row, the (check id, resource) pairs of findings with Checkov cross-references.
import { join } from 'node:path';
import { Scanner } from '../src/scan/scanner.ts';

interface Job {
  work: string;
  rows: number[];
}

const { work, rows } = JSON.parse(process.argv[2] ?? '{}') as Job;
const startCpu = process.cpuUsage();
const scanner = new Scanner({});
const compileCpu = process.cpuUsage(startCpu);
const results: Array<{ row: number; pairs: Array<[string, string]>; policyErrors: string[]; error?: string }> = [];
for (const row of rows) {
  try {
    const result = await scanner.scanDirectory(join(work, String(row)));
    const pairs: Array<[string, string]> = [];
    const policyErrors: string[] = [];
    for (const f of result.findings) {
      if (f.severity === 'error') policyErrors.push(`${f.policy_id}: ${f.message}`);
      for (const id of f.references.checkov ?? []) pairs.push([id, f.resource]);
    }
    results.push({ row, pairs, policyErrors });
  } catch (error) {
    results.push({ row, pairs: [], policyErrors: [], error: (error as Error).message.split('\n')[0] ?? '' });
  }
}
const cpu = process.cpuUsage();
process.send?.({ cpuSeconds: (cpu.user + cpu.system) / 1e6, startupCpuSeconds: (startCpu.user + startCpu.system) / 1e6, compileCpuSeconds: (compileCpu.user + compileCpu.system) / 1e6, results, policies: scanner.policies.map((p) => ({ id: p.id, checkov: p.references.checkov ?? [] })) }, () => process.exit(0));
