// Worker-thread entry of the root pool (worker-pool.ts): analyses the roots it is sent, one message each.
import { parentPort } from 'node:worker_threads';
import { analyzeRoot, type RootTask } from './analyze-root.ts';

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; task: RootTask }) => {
    analyzeRoot(message.task).then(
      // Through JSON: a structured clone copies only own data properties, and the model's ranges compute their
      // positions in getters (hcl/position-map.ts IndexRange); JSON gives each range its plain shape.
      (outcome) => port.postMessage({ id: message.id, outcome: JSON.parse(JSON.stringify(outcome)) as unknown }),
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
        }),
    );
  });
}
