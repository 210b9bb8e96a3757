// npm run bench:reads — how fast the anonymous read path is, as figures, not as a pass/fail.
// Starts `next start` from the current build (run `npm start` or `npm run build` first) on a free
// port against DATABASE_URL, then times each page against /api/health measured in the same run
// (a request that touches neither the database nor React), so the ratios mean something on a
// shared, noisy machine. Also prints the server's resident memory before and after the load.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
};
process.on("exit", stop);

async function waitUp() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

function serverRssMb() {
  // The next-server process is a child of the npx wrapper: sum the whole process group.
  let total = 0;
  for (const pid of listGroup(server.pid)) {
    try {
      const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      if (m) total += Number(m[1]);
    } catch {}
  }
  return (total / 1024).toFixed(0);
}

function listGroup(pgid) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) pids.push(entry);
    } catch {}
  }
  return pids;
}

async function time(path) {
  const latencies = [];
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await fetch(base + path);
        const body = await res.arrayBuffer();
        latencies.push(performance.now() - t);
        bytes = body.byteLength;
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { path, median: q(0.5), p95: q(0.95), rps: REQUESTS / elapsed, kb: bytes / 1024 };
}

await waitUp();
const html = await (await fetch(`${base}/debates/p2p-and-marxism/the-state`)).text();
const permalink = html.match(/href="(\/debates\/p2p-and-marxism\/posts\/[^"#]+)/)?.[1];
const paths = ["/api/health", "/", "/debates/p2p-and-marxism", "/debates/p2p-and-marxism/the-state", permalink].filter(Boolean);
for (const path of paths) await fetch(base + path); // fill the caches once
const rssBefore = serverRssMb();

console.log(`reads: ${REQUESTS} requests per page, ${CONCURRENCY} at a time, against ${base}`);
console.log("page".padEnd(48), "median ms", "  p95 ms", "   req/s", "    KB", "  × health (median)");
let baseline;
for (const path of paths) {
  const r = await time(path);
  baseline ??= r.median;
  console.log(
    path.padEnd(48),
    r.median.toFixed(1).padStart(9),
    r.p95.toFixed(1).padStart(8),
    r.rps.toFixed(0).padStart(8),
    r.kb.toFixed(0).padStart(6),
    (r.median / baseline).toFixed(1).padStart(19),
  );
}
console.log(`server memory (RSS): ${rssBefore} MB after warm-up, ${serverRssMb()} MB after the load`);
stop();
process.exit(0);
