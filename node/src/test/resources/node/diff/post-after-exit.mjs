// Posting to an exited worker: Node ignores the two messages silently.
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  worker.on('exit', () => { worker.postMessage('one'); worker.postMessage('two'); });
}
