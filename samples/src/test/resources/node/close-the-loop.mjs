// The close-the-loop recipe: 1,000 jobs, each acknowledged; main stops the worker only when every
// acknowledgement is in. The bug stops it once the last job is *sent*. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const TOTAL = 1000;
if (isMainThread) {
  const fixed = process.argv[2] === 'fix';
  const worker = new Worker(new URL(import.meta.url), { name: 'ledger' });
  let acks = 0;
  worker.on('message', () => { if (++acks === TOTAL && fixed) worker.terminate(); });
  for (let i = 0; i < TOTAL; i++) worker.postMessage({ seq: i });
  if (!fixed) worker.terminate();
} else {
  parentPort.on('message', ({ seq }) => parentPort.postMessage({ ack: seq }));
}
