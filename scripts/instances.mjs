// @ts-check
// App instances (`node server.mjs`) on loopback ports of their own, for npm run cluster and
// npm run bench:cluster: a free port, starting one, and waiting until it answers.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the instance on `port` answers its liveness check; throws after a minute. */
export async function waitUntilLive(/** @type {number} */ port, { name = "cluster" } = {}) {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/live`);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name}: the instance on port ${port} did not start`);
}

/**
 * Starts `node server.mjs` on `port` (a free loopback one by default) with exactly `env`; does not
 * wait for it (waitUntilLive), so that several can start at once.
 * @param {{ env: NodeJS.ProcessEnv, port?: number, stdio?: import("node:child_process").StdioOptions }} options
 */
export async function spawnInstance({ env, port, stdio = ["ignore", "inherit", "inherit"] }) {
  port ??= await freePort();
  const child = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio,
  });
  return { port, child };
}
