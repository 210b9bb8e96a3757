// The read load of npm run bench:cluster, run as a process of its own: the proxy lives in the
// benchmark's process, and a load generator sharing its event loop would slow both and measure
// itself. node:http with keep-alive connections, like a browser's, asking for compressed answers.
//   node bench/load.mjs '{"url":…,"connections":16,"seconds":5,"warmupSeconds":1}'
// Prints one JSON line: requests answered 200 per second, latency quantiles (ms), failures.
import { Agent, request } from "node:http";
import { quantile } from "./server.mjs";

const { url, connections, seconds, warmupSeconds } = JSON.parse(process.argv[2]);
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const headers = { "accept-encoding": "gzip, deflate, br", accept: "text/html" };

/** One GET; resolves with its status and body size (the body is read, not kept). */
function get() {
  return new Promise((resolve) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode, bytes }));
      res.on("error", () => resolve({ status: 0, bytes }));
    });
    req.on("error", () => resolve({ status: 0, bytes: 0 }));
    req.end();
  });
}

/** `connections` closed loops for `ms`; every answer's latency, and what was not a 200. */
async function phase(ms) {
  const latencies = [];
  const failures = {};
  let bytes = 0;
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const answer = await get();
        if (answer.status === 200) {
          latencies.push(performance.now() - t);
          bytes = answer.bytes;
        } else failures[answer.status] = (failures[answer.status] ?? 0) + 1;
      }
    }),
  );
  // Until the last answer, not the deadline: requests in flight at the deadline count.
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, failures, bytes, elapsed };
}

await phase(warmupSeconds * 1000); // JIT, connections and caches, on both sides
const { latencies, failures, bytes, elapsed } = await phase(seconds * 1000);
console.log(
  JSON.stringify({
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    kb: bytes / 1024,
    failures,
  }),
);
agent.destroy();
