// Main sends each job with its completion callback; the DataCloneError is swallowed by a try/catch, so the
// job silently never runs. The fix sends plain data and keeps callbacks on the main side. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (isMainThread) {
  const fixed = process.argv[2] === 'fix';
  const worker = new Worker(new URL(import.meta.url), { name: 'mailer' });
  const callbacks = new Map();
  let answered = 0;
  worker.on('message', (id) => {
    callbacks.get(id)?.();
    if (++answered === 2) worker.terminate();
  });
  for (const id of [1, 2]) {
    const onDone = () => console.log('sent mail ' + id);
    try {
      if (fixed) {
        callbacks.set(id, onDone);
        worker.postMessage({ id });
      } else {
        worker.postMessage({ id, onDone });
      }
    } catch (e) {
      // "cannot happen"
    }
  }
  if (!fixed) setTimeout(() => worker.terminate(), 200);
} else {
  parentPort.on('message', (job) => parentPort.postMessage(job.id));
}
