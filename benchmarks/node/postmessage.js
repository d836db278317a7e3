// Node.js baseline: worker.postMessage of a small record to a listener on a worker thread.
// Prints one JSON object: { "postMessage": messagesPerSecond }.
'use strict';
const { Worker } = require('worker_threads');

const count = Number(process.argv[2] || 200000);
const rounds = Number(process.argv[3] || 3);

const workerSource = `
const { parentPort } = require('worker_threads');
let received = 0;
let expected = 0;
parentPort.on('message', (m) => {
  if (m.expect !== undefined) { expected = m.expect; received = 0; return; }
  received++;
  if (received === expected) parentPort.postMessage('done');
});
`;

function round(worker) {
  const done = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage({ expect: count });
  for (let i = 0; i < count; i++) {
    worker.postMessage({ id: i, label: 'ping', value: 42.5 });
  }
  return done;
}

async function main() {
  const worker = new Worker(workerSource, { eval: true });
  await new Promise((resolve) => worker.once('online', resolve));
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await round(worker);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, count / elapsed);
  }
  await worker.terminate();
  console.log(JSON.stringify({ postMessage: best }));
}

main();
