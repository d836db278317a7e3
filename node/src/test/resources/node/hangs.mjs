// Never ends: a worker keeps listening, and main keeps a message in flight to a listener-less port.
import { Worker, MessageChannel, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), { name: 'forever' });
  worker.on('message', () => {});
  worker.postMessage('ping');
} else {
  parentPort.on('message', () => {});
}
