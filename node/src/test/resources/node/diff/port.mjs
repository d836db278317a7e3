// Transferring a MessagePort: the worker answers through the port it received.
import { Worker, MessageChannel, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m) => { console.log('RESULT ' + m); port1.close(); worker.terminate(); });
  worker.postMessage({ reply: port2 }, [port2]);
} else {
  parentPort.once('message', ({ reply }) => reply.postMessage('via the port'));
}
