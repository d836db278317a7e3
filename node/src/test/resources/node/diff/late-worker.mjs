// Late listener at the worker: it listens 50 ms after it started; the three messages waited in its port.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  worker.on('message', () => worker.terminate());
  for (let i = 0; i < 3; i++) worker.postMessage(i);
} else {
  await new Promise((resolve) => setTimeout(resolve, 50));
  let seen = 0;
  parentPort.on('message', () => { if (++seen === 3) parentPort.postMessage('all three'); });
}
