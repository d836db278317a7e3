// Node.js instrumentation overhead: messages/s of a main <-> worker ping-pong, the same program run without and
// with Courier's preload (node --require courier-preload.cjs), alternating, in one run. The facts the
// instrumented program writes are drained from its stderr as the Java runner does.
// Usage: node instrumentation.js [roundTrips=50000] [rounds=3] [preload=../../node/src/main/resources/...]
// Prints one JSON object: { "pingPongPlain": msg/s, "pingPongInstrumented": msg/s, "instrumentedRatio": x }.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const roundTrips = Number(process.argv[2] || 50000);
const rounds = Number(process.argv[3] || 3);
const preload = path.resolve(process.argv[4]
  || path.join(__dirname, '..', '..', 'node', 'src', 'main', 'resources', 'dev', 'courier', 'node', 'courier-preload.cjs'));

const program = `
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const n = ${roundTrips};
if (isMainThread) {
  const worker = new Worker(__filename);
  let left = n;
  const started = process.hrtime.bigint();
  worker.on('message', () => {
    if (--left > 0) { worker.postMessage({ id: left, label: 'ping' }); return; }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(JSON.stringify({ rate: (2 * n) / seconds }) + '\\n');
    worker.terminate();
  });
  worker.postMessage({ id: left, label: 'ping' });
} else {
  parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, label: 'pong' }));
}
`;

// The worker runs the same file as main, so the program is written to a temporary file.
const file = path.join(require('node:os').tmpdir(), `courier-pingpong-${process.pid}.js`);
require('node:fs').writeFileSync(file, program);
process.on('exit', () => require('node:fs').rmSync(file, { force: true }));

function once(instrumented) {
  return new Promise((resolve, reject) => {
    const args = instrumented ? ['--require', preload, file] : [file];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let factBytes = 0;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { factBytes += d.length; });
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /"rate":([0-9.e+]+)/.exec(out);
      if (!match) reject(new Error(`ping-pong exited with ${code} and no rate: ${out}`));
      else resolve({ rate: Number(match[1]), factBytes });
    });
  });
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

(async () => {
  const plain = [];
  const instrumented = [];
  await once(false); // warm the disk cache
  for (let i = 0; i < rounds; i++) {
    plain.push((await once(false)).rate);
    instrumented.push((await once(true)).rate);
  }
  const p = median(plain);
  const q = median(instrumented);
  console.log(JSON.stringify({ pingPongPlain: Math.round(p), pingPongInstrumented: Math.round(q), instrumentedRatio: Number((q / p).toFixed(3)) }));
})();
