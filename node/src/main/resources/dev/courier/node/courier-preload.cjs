'use strict';
// Courier's instrumentation of node:worker_threads. Loaded with `node --require <this file>` in the main
// thread and, through execArgv, in every worker. It writes one JSON line per fact, synchronously
// (fs.writeSync, so it survives process.exit()), to the file descriptor COURIER_NODE_EVENTS_FD, each line
// prefixed by a record separator and "courier " so the runner can tell it from the program's own output.
// A SharedArrayBuffer shared through setEnvironmentData numbers every fact in one total order across
// threads ("s"); message and channel ids come from the same buffer.
//
// Instances are instrumented, not MessagePort.prototype (Node's internal ports use it too): each Worker,
// the worker's parentPort, both ports of every MessageChannel, and ports arriving in a message. A message
// travels wrapped in an envelope {__courier: id, v: value, p: ports, l: port labels} and is unwrapped
// before any listener sees it.
const wt = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const INSTALLED = Symbol.for('dev.courier.node.installed');
if (!globalThis[INSTALLED]) {
  globalThis[INSTALLED] = true;
  install();
}

function install() {
  const SELF = __filename;
  const FD = Number(process.env.COURIER_NODE_EVENTS_FD || 2);
  const MARK = '\u001ecourier ';
  const KEY = '__courier';
  const MAX_TEXT = 1500;

  let counters = wt.getEnvironmentData('courier:counters');
  if (!counters) {
    counters = new SharedArrayBuffer(12);
    wt.setEnvironmentData('courier:counters', counters);
  }
  const c = new Int32Array(counters);
  const nextSeq = () => Atomics.add(c, 0, 1);
  const nextId = () => Atomics.add(c, 1, 1) + 1;
  const nextChannel = () => Atomics.add(c, 2, 1) + 1;

  const self = wt.isMainThread ? 'main'
    : `${wt.getEnvironmentData('courier:name') || 'worker'}#${wt.threadId}`;
  const parentLabel = wt.isMainThread ? null : (wt.getEnvironmentData('courier:parent') || 'main');

  // One line per write(2), at most PIPE_BUF bytes, so lines of different threads never interleave even when
  // node has made the descriptor non-blocking: a full pipe answers EAGAIN and the line is retried after a pause.
  const PIPE_BUF = 4096;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let broken = false;

  function encode(fact) {
    let line = MARK + JSON.stringify(fact) + '\n';
    if (Buffer.byteLength(line) > PIPE_BUF && fact.err) {
      fact.err = { name: fact.err.name.slice(0, 100), message: fact.err.message.slice(0, 300), stack: fact.err.stack.slice(0, 600) };
      line = MARK + JSON.stringify(fact) + '\n';
    }
    if (Buffer.byteLength(line) > PIPE_BUF) {
      line = MARK + JSON.stringify({ k: fact.k, s: fact.s, t: fact.t, id: fact.id, truncated: true }) + '\n';
    }
    return Buffer.from(line);
  }

  function write(fact, seq) {
    fact.s = seq === undefined ? nextSeq() : seq;
    fact.t = self;
    if (broken) {
      return;
    }
    const bytes = encode(fact);
    for (let attempt = 0; ; attempt++) {
      try {
        fs.writeSync(FD, bytes, 0, bytes.length);
        return;
      } catch (e) {
        if (e.code !== 'EAGAIN' || attempt > 60000) {
          broken = true; // the runner went away: the program goes on without its history
          return;
        }
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  }

  function clip(text) {
    const s = String(text);
    return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) + '...' : s;
  }

  function errorInfo(e) {
    if (e && typeof e === 'object') {
      return { name: clip(e.name || 'Error'), message: clip(e.message || ''), stack: clip(e.stack || '') };
    }
    return { name: 'thrown value', message: clip(e), stack: '' };
  }

  const OrigWorker = wt.Worker;
  const OrigChannel = wt.MessageChannel;
  const OrigMessagePort = wt.MessagePort;
  const origReceive = wt.receiveMessageOnPort;
  const isEnvelope = (v) => v !== null && typeof v === 'object' && typeof v[KEY] === 'number';

  function transferredPorts(transfer) {
    const list = Array.isArray(transfer) ? transfer : (transfer && Array.isArray(transfer.transfer) ? transfer.transfer : []);
    return list.filter((x) => x instanceof OrigMessagePort);
  }

  // SENT is written before the original postMessage runs, so that it is on record even if the receiver reacts
  // by terminating this thread at once; if postMessage throws, CLONE_FAILED follows (the runner then records the
  // failure instead of the send) and the error is rethrown, as Node throws it.
  function send(target, origPost, from, to, value, transfer, args) {
    const id = nextId();
    const ports = transferredPorts(transfer);
    const envelope = { [KEY]: id, v: value };
    const fact = { k: 'SENT', id, from, to };
    if (ports.length > 0) {
      envelope.p = ports;
      envelope.l = ports.map((p) => (p[INFO] ? [p[INFO].label, p[INFO].peer] : ['port', 'port']));
      fact.ports = envelope.l.map((l) => l[0]);
    }
    write(fact);
    try {
      if (args < 2) {
        origPost.call(target, envelope);
      } else {
        origPost.call(target, envelope, transfer);
      }
    } catch (e) {
      const found = uncloneable(value);
      write({ k: 'CLONE_FAILED', id, from, to, err: errorInfo(e), path: found.path, cls: found.cls });
      throw e;
    }
  }

  // Where in a payload structured clone gives up: the first function or symbol, breadth first, bounded.
  function uncloneable(value) {
    const queue = [[value, '$']];
    const seen = new Set();
    for (let visited = 0; queue.length > 0 && visited < 10000; visited++) {
      const [v, at] = queue.shift();
      if (typeof v === 'function') {
        return { path: at, cls: 'function' };
      }
      if (typeof v === 'symbol') {
        return { path: at, cls: 'symbol' };
      }
      if (v === null || typeof v !== 'object' || seen.has(v)) {
        continue;
      }
      seen.add(v);
      if (v instanceof Map) {
        let i = 0;
        for (const [key, entry] of v) {
          queue.push([key, `${at}.<key ${i}>`], [entry, `${at}.get(${JSON.stringify(String(key)).slice(0, 40)})`]);
          i++;
        }
      } else if (v instanceof Set) {
        let i = 0;
        for (const entry of v) {
          queue.push([entry, `${at}.<entry ${i++}>`]);
        }
      } else if (Array.isArray(v)) {
        v.forEach((entry, i) => queue.push([entry, `${at}[${i}]`]));
      } else {
        for (const key of Object.keys(v)) {
          queue.push([v[key], `${at}.${key}`]);
        }
      }
    }
    return { path: '$', cls: value === null ? 'null' : typeof value };
  }

  // Ports that arrived in a message: instrument them here, then hand the user the unwrapped value.
  function received(envelope) {
    if (envelope.p) {
      envelope.p.forEach((port, i) => {
        const [label, peer] = envelope.l[i];
        if (!port[INFO]) {
          instrumentPort(port, label, peer);
        }
        write({ k: 'PORT_MOVED', port: label, owner: self });
      });
    }
    return envelope.v;
  }

  function listenerFact(endpoint, type, count, added) {
    if (type === 'message' || type === 'messageerror') {
      write({ k: added ? 'LISTENER_ADDED' : 'LISTENER_REMOVED', about: endpoint, type, n: count });
    }
  }

  // ---- ports: parentPort, MessageChannel ends, arrived ports ----
  const INFO = Symbol('courier.port');

  function instrumentPort(port, label, peer) {
    port[INFO] = { label, peer };
    const origPost = port.postMessage;
    port.postMessage = function postMessage(value, transfer) {
      return send(this, origPost, label, peer, value, transfer, arguments.length);
    };
    const origAdd = port.addEventListener;
    const origRemove = port.removeEventListener;
    const wrappers = new Map();
    port.addEventListener = function addEventListener(type, listener, options) {
      if ((type !== 'message' && type !== 'messageerror') || typeof listener !== 'function') {
        return origAdd.call(this, type, listener, options);
      }
      let wrapper = wrappers.get(listener);
      if (!wrapper) {
        wrapper = type === 'message' ? wrapMessageListener(port, listener) : wrapErrorListener(port, listener);
        wrappers.set(listener, wrapper);
      }
      const result = origAdd.call(this, type, wrapper, options);
      listenerFact(label, type, this.listenerCount(type), true);
      return result;
    };
    port.removeEventListener = function removeEventListener(type, listener, options) {
      const wrapper = wrappers.get(listener) || listener;
      const before = this.listenerCount(type);
      const result = origRemove.call(this, type, wrapper, options);
      const after = this.listenerCount(type);
      if (after < before) {
        listenerFact(label, type, after, false);
      }
      return result;
    };
    // A message the port could not deserialize: recorded whether or not the program listens for it.
    origAdd.call(port, 'messageerror', function courierMessageError(error) {
      const handled = port.listenerCount('messageerror') > 1;
      write({ k: 'MESSAGE_ERROR', at: label, from: peer, handled, err: errorInfo(error && error.data !== undefined ? error.data : error) });
    });
    return port;
  }

  function wrapMessageListener(port, listener) {
    return function courierListener(arg) {
      const nodeStyle = isEnvelope(arg);
      const envelope = nodeStyle ? arg : (arg && isEnvelope(arg.data) ? arg.data : null);
      if (!envelope) {
        return listener.apply(this, arguments);
      }
      if (envelope.r === undefined) {
        envelope.r = Math.max(1, port.listenerCount('message')); // a once listener is already removed
        write({ k: 'DELIVERED', id: envelope[KEY], at: port[INFO].label });
      }
      const value = received(envelope);
      let callArg = value;
      if (!nodeStyle) {
        Object.defineProperty(arg, 'data', { value, configurable: true });
        callArg = arg;
      }
      try {
        const result = listener.call(this, callArg);
        if (envelope.r > 0 && --envelope.r === 0) {
          write({ k: 'HANDLED', id: envelope[KEY], at: port[INFO].label, ok: true });
        }
        return result;
      } catch (e) {
        if (envelope.r > 0) {
          envelope.r = 0;
          write({ k: 'HANDLED', id: envelope[KEY], at: port[INFO].label, ok: false, err: errorInfo(e) });
        }
        throw e;
      }
    };
  }

  function wrapErrorListener(port, listener) {
    return function courierErrorListener() {
      return listener.apply(this, arguments);
    };
  }

  // ---- the Worker (main side of a worker: an EventEmitter) ----
  function workerName(filename, options) {
    if (options && typeof options.name === 'string' && options.name) {
      return options.name;
    }
    if (options && options.eval) {
      return 'worker';
    }
    const text = filename instanceof URL ? filename.pathname : String(filename);
    return path.basename(text).replace(/\.[cm]?[jt]s$/, '') || 'worker';
  }

  function withPreload(options) {
    if (!options || !Array.isArray(options.execArgv)) {
      return options;
    }
    const args = options.execArgv;
    for (let i = 0; i < args.length - 1; i++) {
      if ((args[i] === '--require' || args[i] === '-r') && args[i + 1] === SELF) {
        return options;
      }
    }
    return Object.assign({}, options, { execArgv: ['--require', SELF, ...args] });
  }

  class Worker extends OrigWorker {
    constructor(filename, options) {
      const name = workerName(filename, options);
      wt.setEnvironmentData('courier:name', name);
      wt.setEnvironmentData('courier:parent', self);
      super(filename, withPreload(options));
      instrumentWorker(this, `${name}#${this.threadId}`);
    }
  }

  function instrumentWorker(worker, label) {
    const origPost = worker.postMessage;
    worker.postMessage = function postMessage(value, transfer) {
      return send(this, origPost, self, label, value, transfer, arguments.length);
    };
    const origTerminate = worker.terminate;
    worker.terminate = function terminate() {
      write({ k: 'TERMINATE', about: label });
      return origTerminate.apply(this, arguments);
    };
    const origEmit = worker.emit;
    worker.emit = function emit(type, ...args) {
      if (type === 'message' && isEnvelope(args[0])) {
        const envelope = args[0];
        const id = envelope[KEY];
        if (this.listenerCount('message') === 0) {
          write({ k: 'DROPPED', id, at: self, cause: 'NO_LISTENER' });
          return false;
        }
        write({ k: 'DELIVERED', id, at: self });
        const value = received(envelope);
        try {
          const result = origEmit.call(this, type, value);
          write({ k: 'HANDLED', id, at: self, ok: true });
          return result;
        } catch (e) {
          write({ k: 'HANDLED', id, at: self, ok: false, err: errorInfo(e) });
          throw e;
        }
      }
      if (type === 'messageerror') {
        write({ k: 'MESSAGE_ERROR', at: self, from: label, handled: this.listenerCount('messageerror') > 0, err: errorInfo(args[0]) });
      } else if (type === 'error') {
        write({ k: 'ERROR', about: label, err: errorInfo(args[0]) });
      } else if (type === 'exit') {
        write({ k: 'EXIT', about: label, code: Number(args[0]) });
      }
      return origEmit.apply(this, [type, ...args]);
    };
    for (const method of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener']) {
      const orig = worker[method];
      worker[method] = function (type, listener) {
        const result = orig.call(this, type, listener);
        listenerFact(self, type, this.listenerCount(type), true);
        return result;
      };
    }
    for (const method of ['off', 'removeListener']) {
      const orig = worker[method];
      worker[method] = function (type, listener) {
        const before = this.listenerCount(type);
        const result = orig.call(this, type, listener);
        if (this.listenerCount(type) < before) {
          listenerFact(self, type, this.listenerCount(type), false);
        }
        return result;
      };
    }
    const origRemoveAll = worker.removeAllListeners;
    worker.removeAllListeners = function (type) {
      const types = type === undefined ? ['message', 'messageerror'] : [type];
      const before = types.map((t) => this.listenerCount(t));
      const result = origRemoveAll.apply(this, arguments);
      types.forEach((t, i) => {
        if (before[i] > 0) {
          listenerFact(self, t, 0, false);
        }
      });
      return result;
    };
  }

  class MessageChannel extends OrigChannel {
    constructor() {
      super();
      const n = nextChannel();
      instrumentPort(this.port1, `channel-${n}.port1`, `channel-${n}.port2`);
      instrumentPort(this.port2, `channel-${n}.port2`, `channel-${n}.port1`);
    }
  }

  function receiveMessageOnPort(port) {
    const result = origReceive(port);
    if (result && isEnvelope(result.message)) {
      const envelope = result.message;
      const at = port[INFO] ? port[INFO].label : self;
      write({ k: 'DELIVERED', id: envelope[KEY], at });
      const value = received(envelope);
      write({ k: 'HANDLED', id: envelope[KEY], at, ok: true });
      return { message: value };
    }
    return result;
  }

  wt.Worker = Worker;
  wt.MessageChannel = MessageChannel;
  wt.receiveMessageOnPort = receiveMessageOnPort;
  Module.syncBuiltinESMExports();

  if (wt.isMainThread) {
    write({ k: 'HELLO', version: process.version, pid: process.pid });
    process.on('uncaughtExceptionMonitor', (error) => write({ k: 'MAIN_ERROR', err: errorInfo(error) }));
    process.on('exit', (code) => write({ k: 'PROCESS_EXIT', code }));
  } else {
    write({ k: 'ONLINE', about: self, name: wt.getEnvironmentData('courier:name') || 'worker' });
    instrumentPort(wt.parentPort, self, parentLabel);
  }
}
