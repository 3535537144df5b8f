import { offlineResult, type BenchModel } from './bench-model.ts';

/** Offline pseudo-model that answers every task with its reference output (a sanity check of the metrics). */
export const referenceModel: BenchModel = {
  name: 'reference',
  concurrency: 4,
  async answer({ task }) {
    return offlineResult(`\`\`\`hcl\n${task.referenceOutput.trimEnd()}\n\`\`\``);
  },
};
