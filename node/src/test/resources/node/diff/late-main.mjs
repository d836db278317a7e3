// Late listener at main: the worker answers main's 'go' and ends; main listens only after the worker's exit.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  worker.on('exit', () => worker.on('message', (m) => console.log('main got', m)));
  worker.postMessage('go');
} else {
  parentPort.once('message', () => parentPort.postMessage('hello'));
}
