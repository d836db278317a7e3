// Crash: the worker's listener throws on the first of four messages; the other three are lost with it.
// The worker listens only once main has posted all four (a shared flag), so all four are queued by then.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
if (isMainThread) {
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { workerData: posted });
  worker.on('error', (e) => console.log('worker error:', e.message));
  for (const job of ['boom', 'a', 'b', 'c']) worker.postMessage(job);
  Atomics.store(posted, 0, 1);
  Atomics.notify(posted, 0);
} else {
  Atomics.wait(workerData, 0, 0);
  parentPort.on('message', (job) => { if (job === 'boom') throw new Error('bad job ' + job); });
}
