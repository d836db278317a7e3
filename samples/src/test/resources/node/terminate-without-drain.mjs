// Main hands five jobs to a worker and terminates it as soon as the first result is in. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const fixed = process.argv[2] === 'fix';
if (isMainThread) {
  const encoder = new Worker(new URL(import.meta.url), { name: 'encoder' });
  let results = 0;
  encoder.on('message', () => {
    results++;
    if (!fixed || results === 5) encoder.terminate();
  });
  for (let job = 1; job <= 5; job++) encoder.postMessage(job);
} else {
  parentPort.on('message', (job) => {
    const until = Date.now() + 40; // CPU-bound work
    while (Date.now() < until) { /* encode */ }
    parentPort.postMessage(job);
  });
}
