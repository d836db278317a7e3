// A worker that calls process.exit() when a job tells it it is the last, while more jobs are queued behind it.
// The fix: exit when the queue is drained, i.e. after the number of jobs main announced. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const fixed = process.argv[2] === 'fix';
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const indexer = new Worker(new URL(import.meta.url), { name: 'indexer', workerData: { fixed, posted } });
  indexer.on('message', () => {});
  for (const job of ['a', 'b', 'last', 'c', 'd']) indexer.postMessage(job);
  Atomics.store(posted.valueOf(), 0, 1);
  Atomics.notify(posted, 0);
} else {
  Atomics.wait(workerData.posted, 0, 0); // starts once every job is queued, so the outcome does not depend on timing
  let handled = 0;
  parentPort.on('message', (job) => {
    parentPort.postMessage('indexed ' + job);
    handled++;
    if (workerData.fixed ? handled === 5 : job === 'last') process.exit(0);
  });
}
