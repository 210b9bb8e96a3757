// @ts-check
// Several identical instances on one machine, for trying them (README, "Several instances"):
//   npm run cluster -- 3            PostgreSQL + Redis (throwaway ones, unless DATABASE_URL and
//                                   REDIS_URL are set), 3 instances and a round-robin proxy on :3000
// Options: --port P (the proxy's, default 3000; PORT works too), --no-build (reuse the last build),
// --fresh-database (drop and recreate DATABASE_URL's database first: the e2e suite uses it).
// The instances listen on loopback ports of their own, printed at start. Ctrl-C stops everything.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import pg from "pg";
import { spawnInstance, waitUntilLive } from "./instances.mjs";
import { createRoundRobinProxy } from "./round-robin-proxy.mjs";

const root = path.resolve(import.meta.dirname, "..");
nextEnv.loadEnvConfig(root);

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", short: "p" },
    build: { type: "boolean", default: true },
    "no-build": { type: "boolean", default: false },
    "fresh-database": { type: "boolean", default: false },
  },
});
const count = Number(positionals[0] ?? 3);
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error("usage: npm run cluster -- <instances 1–16>");
const proxyPort = Number(args.port ?? process.env.PORT ?? 3000);
const build = args.build && !args["no-build"];

/** @type {(() => void)[]} */
const cleanups = [];
function stop(code = 0) {
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {}
  }
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// PostgreSQL and Redis: the ones configured, or throwaway ones in a temp folder.
if (!process.env.DATABASE_URL?.startsWith("postgres") || !process.env.REDIS_URL) {
  const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-cluster-"));
  const services = path.join(root, "scripts/services.sh");
  let exports;
  try {
    exports = execFileSync(services, ["start", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  } catch (error) {
    const status = /** @type {{ status?: number }} */ (error).status;
    console.error(
      status === 3
        ? "cluster: PostgreSQL and Redis are needed (see above)."
        : "cluster: could not start PostgreSQL and Redis",
    );
    process.exit(1);
  }
  cleanups.push(() => {
    execFileSync(services, ["stop", dir], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  });
  const pgUrl = /PG_URL=(\S+)/.exec(exports)?.[1];
  const redisUrl = /REDIS_URL=(\S+)/.exec(exports)?.[1];
  if (!pgUrl || !redisUrl) throw new Error(`cluster: unexpected output from services.sh: ${exports}`);
  const url = new URL(pgUrl);
  url.pathname = "/debate_commons";
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL = redisUrl;
  args["fresh-database"] = true;
  console.log(`cluster: PostgreSQL ${process.env.DATABASE_URL} and Redis ${redisUrl} (thrown away at exit)`);
}

if (args["fresh-database"]) {
  const url = new URL(/** @type {string} */ (process.env.DATABASE_URL));
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const server = new pg.Client({ connectionString: url.toString() });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  await server.end();
}

// Every instance must share these: sessions signed on one are read on another, and a Server
// Action's encrypted arguments are opened by whichever instance receives the request.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.NEXTAUTH_URL ??= `http://localhost:${proxyPort}`;
// The proxy is on loopback: its X-Forwarded-For is believed, anyone else's dropped.
process.env.TRUST_PROXY ??= "loopback";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

/** @param {string} command @param {string[]} argv */
function run(command, argv) {
  execFileSync(command, argv, { cwd: root, stdio: "inherit", env: process.env });
}

run("npm", ["run", "--silent", "db:setup"]);
if (build) run("npx", ["next", "build"]);

const upstreams = [];
for (let i = 0; i < count; i++) {
  const { port, child } = await spawnInstance({ env: process.env });
  child.on("exit", (code, signal) => {
    if (signal !== "SIGTERM") {
      console.error(`cluster: instance ${i} (port ${port}) exited (${signal ?? code})`);
      stop(1);
    }
  });
  cleanups.push(() => child.kill("SIGTERM"));
  upstreams.push({ host: "127.0.0.1", port });
}
await Promise.all(upstreams.map(({ port }) => waitUntilLive(port)));

const proxy = createRoundRobinProxy({ upstreams });
proxy.listen(proxyPort, "127.0.0.1", () => {
  console.log(`cluster: ${count} instance(s) on ports ${upstreams.map((u) => u.port).join(", ")}`);
  console.log(`cluster: open http://localhost:${proxyPort} (round-robin over them); Ctrl-C stops everything`);
});
