// npm run bench:reads — how fast the anonymous read path is, as figures, not as a pass/fail.
// Starts `next start` from the current build (run `npm start` or `npm run build` first) on a free
// port against DATABASE_URL, then times each page against /api/health/live measured in the same run
// (a request that touches neither the database nor React), so the ratios mean something on a
// shared, noisy machine. Also prints the server's resident memory before and after the load.
import { quantile, startServer } from "./server.mjs";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const { base, stop, rssMb } = await startServer();

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
  return {
    path,
    median: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    rps: REQUESTS / elapsed,
    kb: bytes / 1024,
  };
}

const html = await (await fetch(`${base}/debates/p2p-and-marxism/the-state`)).text();
const permalink = html.match(/href="(\/debates\/p2p-and-marxism\/posts\/[^"#]+)/)?.[1];
const paths = [
  "/api/health/live",
  "/",
  "/debates/p2p-and-marxism",
  "/debates/p2p-and-marxism/the-state",
  permalink,
  "/search?q=marxism+state", // search: per request, its results a cached read
  "/search?q=commons&debate=p2p-and-marxism",
  "/people/michel-bauwens", // a profile: the seeded archive author with the most posts
].filter(Boolean);
for (const path of paths) await fetch(base + path); // fill the caches once
const rssBefore = rssMb();

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
console.log(`server memory (RSS): ${rssBefore} MB after warm-up, ${rssMb()} MB after the load`);
stop();
process.exit(0);
