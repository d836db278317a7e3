// A transcoder worker that loads its settings before listening, and a main thread that waits for the batch to
// finish before it listens for results. Run with `bug` or `fix`.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const fixed = process.argv[2] === 'fix';
if (isMainThread) {
  const transcoder = new Worker(new URL(import.meta.url), { name: 'transcoder' });
  const results = [];
  const collect = (m) => results.push(m);
  if (fixed) transcoder.on('message', collect);
  for (const clip of ['intro', 'talk', 'outro']) transcoder.postMessage(clip);
  await once(transcoder, 'exit'); // the top-level await
  if (!fixed) transcoder.on('message', collect);
  console.log('results: ' + results.length);
} else {
  await sleep(30); // the worker's own top-level await: it listens late too
  let done = 0;
  parentPort.on('message', (clip) => {
    parentPort.postMessage(clip + '.webm');
    if (++done === 3) parentPort.close();
  });
}
