// Structured clone of Map, Set, Date and a cycle: the worker describes what arrived.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  worker.on('message', (m) => { console.log('RESULT ' + m); worker.terminate(); });
  const payload = { map: new Map([['a', 1]]), set: new Set([1, 2]), date: new Date(0) };
  payload.self = payload;
  worker.postMessage(payload);
} else {
  parentPort.on('message', (p) => parentPort.postMessage([
    p.map instanceof Map && p.map.get('a') === 1, p.set instanceof Set && p.set.size === 2,
    p.date instanceof Date && p.date.getTime() === 0, p.self === p].join(',')));
}
