// terminate() with messages queued: the worker is stuck in its first message's listener; five more wait.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  worker.on('message', () => {
    for (let i = 0; i < 5; i++) worker.postMessage(i);
    worker.terminate();
  });
  worker.postMessage('start');
} else {
  parentPort.on('message', () => {
    parentPort.postMessage('busy');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks until terminated
  });
}
