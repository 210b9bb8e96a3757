// Shared by the benchmarks: a free port, `next start` from the current build in its own process
// group (stopped on exit), waiting for it, and the server's resident memory.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `next start` on a free port with `env` added; resolves once `livePath` answers. With
 * `app: true`, starts server.mjs instead (what `npm start` serves: compression, the CSP), with a
 * NEXTAUTH_SECRET of its own when none is set and NEXTAUTH_URL naming the port.
 */
export async function startServer({ env = {}, livePath = "/api/health/live", app = false } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server itself.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const next = app
    ? ["server.mjs", "-H", "127.0.0.1", "-p", String(port)]
    : ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)];
  const appEnv = app
    ? { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-serving", NEXTAUTH_URL: base }
    : {};
  const server = spawn(process.execPath, [...nodeArgs, ...next], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...appEnv, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  };
  process.on("exit", stop);
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(base + livePath)).ok) return { base, stop, rssMb: () => groupRssMb(server.pid) };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error("server did not start");
}

/** Resident memory of a process group (the next-server process is a child of the npx wrapper). */
function groupRssMb(pgid) {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const m = readFileSync(`/proc/${entry}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      if (m) total += Number(m[1]);
    } catch {}
  }
  return (total / 1024).toFixed(0);
}

/** Quantile of sorted numbers. */
export const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
