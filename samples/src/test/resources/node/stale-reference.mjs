// A pool restarts its worker after a crash, but a scheduler kept a reference to the old one and posts to it:
// Node drops the message silently. The fix looks the worker up at send time. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (isMainThread) {
  const fixed = process.argv[2] === 'fix';
  const pool = { current: null };
  const start = () => {
    pool.current = new Worker(new URL(import.meta.url), { name: 'resizer' });
    pool.current.on('error', () => {});
    return pool.current;
  };
  const scheduler = { worker: start() };
  pool.current.on('exit', () => {
    const fresh = start();
    fresh.on('message', (m) => console.log(m));
    fresh.on('online', () => {
      (fixed ? pool.current : scheduler.worker).postMessage('thumbnail');
      pool.current.postMessage('stop');
    });
  });
  scheduler.worker.postMessage('poison');
} else {
  parentPort.on('message', (job) => {
    if (job === 'poison') throw new Error('cannot decode image');
    if (job === 'stop') return parentPort.close();
    parentPort.postMessage(job + ' done');
  });
}
