// Worker-thread entry of the root pool (worker-pool.ts): analyses the roots it is sent, one message each.
import { parentPort } from 'node:worker_threads';
import { answerRootRequest, type RootRequest } from './worker-pool.ts';

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: RootRequest) => void answerRootRequest(request).then((reply) => port.postMessage(reply)));
}
