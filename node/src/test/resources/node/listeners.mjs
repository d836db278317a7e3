// Eval workers, execArgv workers, MessageChannel transfer and receiveMessageOnPort are all instrumented.
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
const code = "require('node:worker_threads').parentPort.postMessage('from eval')";
const evalWorker = new Worker(code, { eval: true, name: 'evaluator' });
const argvWorker = new Worker(code, { eval: true, name: 'flagged', execArgv: ['--no-warnings'] });
let replies = 0;
for (const w of [evalWorker, argvWorker]) {
  w.on('message', (m) => { console.log('got', m); if (++replies === 2) done(); });
}
function done() {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ n: 1 });
  console.log('sync receive', receiveMessageOnPort(port2).message.n);
  port1.close();
}
