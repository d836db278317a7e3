// A request helper that adds a 'message' listener on the worker per request and never removes it. The fix
// keeps one listener and a map of pending requests. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (isMainThread) {
  const fixed = process.argv[2] === 'fix';
  const worker = new Worker(new URL(import.meta.url), { name: 'pricer' });
  const pending = new Map();
  if (fixed) worker.on('message', ({ id, price }) => { pending.get(id)(price); pending.delete(id); });
  const request = (id) => new Promise((resolve) => {
    if (fixed) {
      pending.set(id, resolve);
    } else {
      worker.on('message', (reply) => { if (reply.id === id) resolve(reply.price); });
    }
    worker.postMessage({ id });
  });
  const prices = await Promise.all(Array.from({ length: 15 }, (_, i) => request(i)));
  console.log('prices: ' + prices.length);
  await worker.terminate();
} else {
  parentPort.on('message', ({ id }) => parentPort.postMessage({ id, price: id * 10 }));
}
