// FIFO: 100 messages each way, in order; main terminates the worker once every reply arrived.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  let replies = 0;
  worker.on('message', () => { if (++replies === 100) worker.terminate(); });
  for (let i = 0; i < 100; i++) worker.postMessage(i);
} else {
  parentPort.on('message', (n) => parentPort.postMessage(n * 2));
}
