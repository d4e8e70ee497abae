// Runs the npm redact-pii package over the Steward benchmark corpus (one JSON string per line) and prints
// one JSON line with throughput: {"mbPerSec", "postsPerSec", "p99Us", "node"}.
'use strict';
const fs = require('fs');
const { SyncRedactor } = require('redact-pii');

const file = process.argv[2];
if (!file) {
  console.error('usage: node run.js CORPUS.jsonl');
  process.exit(2);
}
const posts = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const bytes = posts.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0);
const redactor = new SyncRedactor();

// Warm-up as the .NET passes get it (at least 2 s), so V8 has optimized the hot code before the timed pass.
const warmStart = process.hrtime.bigint();
for (let i = 0; Number(process.hrtime.bigint() - warmStart) < 2e9; i = (i + 1) % posts.length) redactor.redact(posts[i]);

const lat = new Float64Array(posts.length);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < posts.length; i++) {
  const s = process.hrtime.bigint();
  redactor.redact(posts[i]);
  lat[i] = Number(process.hrtime.bigint() - s) / 1000;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
lat.sort();
console.log(JSON.stringify({
  mbPerSec: bytes / 1e6 / seconds,
  cpuMbPerSec: bytes / 1e6 / cpuSeconds,
  postsPerSec: posts.length / seconds,
  p99Us: lat[Math.floor(lat.length * 0.99)],
  node: process.version,
}));
