// A function cannot be cloned: postMessage throws DataCloneError and nothing is sent.
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  try {
    worker.postMessage({ callback() {} });
  } catch (e) {
    console.log('RESULT ' + e.name);
  }
  worker.terminate();
}
