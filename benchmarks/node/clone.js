// Node.js baseline: structuredClone of the same shapes CloneBenchmark copies.
// Prints one JSON object: { "graph100": opsPerSecond, "list10k": opsPerSecond }.
'use strict';

function catalog(size) {
  const items = [];
  for (let i = 0; i < size; i++) {
    items.push({
      id: i,
      label: 'item-' + i,
      tags: ['tag-' + (i % 7), 'tag-' + (i % 11), 'tag-' + (i % 13)],
      when: new Date(1700000000000 + i),
      attributes: { width: 640 + i, height: 480 + i },
    });
  }
  return { items };
}

function integerList(size) {
  const list = [];
  for (let i = 0; i < size; i++) list.push(i * 31);
  return list;
}

function opsPerSecond(payload, seconds) {
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += structuredClone(payload) ? 1 : 0; // warm-up
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let ops = 0;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 100; i++) sink += structuredClone(payload) ? 1 : 0;
    ops += 100;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.error(sink);
  return ops / elapsed;
}

const seconds = Number(process.argv[2] || 3);
console.log(JSON.stringify({
  graph100: opsPerSecond(catalog(100), seconds),
  list10k: opsPerSecond(integerList(10000), seconds),
}));
