// Transferring an ArrayBuffer moves it: the sender's copy is detached, the worker gets all eight bytes.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  const buffer = new ArrayBuffer(8);
  worker.on('message', (length) => { console.log('RESULT ' + (buffer.byteLength === 0) + ',' + length); worker.terminate(); });
  worker.postMessage(buffer, [buffer]);
} else {
  parentPort.on('message', (buffer) => parentPort.postMessage(buffer.byteLength));
}
