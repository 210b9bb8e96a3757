// What npm run bench:cluster (bench/cluster.mjs) starts, and how all of it is stopped again: the
// instances, the proxy, the load generator's processes, PostgreSQL and Redis (or a database and
// keys of their own on servers that outlive the run).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";
import { freePort, spawnInstance, waitUntilLive } from "../scripts/instances.mjs";
import { createRoundRobinProxy } from "../scripts/round-robin-proxy.mjs";

const root = path.resolve(import.meta.dirname, "..");
const cleanups = [];
const children = new Set();
/** Set when an instance dies on its own: the run's figures are then not to be trusted. */
export const crashes = [];

/** Progress, on stderr: the figures (stdout) are printed together at the end. */
export const progress = (line) => console.error(`bench:cluster: ${line}`);
// Last resort, if the run dies between the awaits: no child outlives it.
process.on("exit", () => children.forEach((child) => child.kill("SIGKILL")));
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

/** Registers `cleanup` to run at the end, after everything registered later (reverse order). */
export const atCleanUp = (cleanup) => cleanups.push(cleanup);

/** Stops everything started, the last started first. */
export async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("bench:cluster: cleaning up:", error);
    }
  }
}

/** Runs a command quietly; its output is shown only when it fails. */
export function quietly(command, argv, env) {
  try {
    execFileSync(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  } catch (error) {
    console.error(String(error.stdout ?? "").slice(-4000), String(error.stderr ?? "").slice(-4000));
    throw new Error(`${command} ${argv.join(" ")} failed`);
  }
}

/** `count` instances with `env` (and NEXTAUTH_URL, when not given, their own), live; stopped at cleanup. */
export async function startInstances(count, env, label) {
  const instances = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const { child } = await spawnInstance({
      env: { NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...env },
      port,
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.add(child);
    const name = `${label}#${i}`;
    child.stderr.on("data", (chunk) => process.stderr.write(`[${name}] ${chunk}`));
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!child.stopping) {
        console.error(`bench:cluster: instance ${name} exited (${signal ?? code})`);
        crashes.push(name);
      }
    });
    const stop = async () => {
      if (!children.has(child)) return;
      child.stopping = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    };
    atCleanUp(stop);
    instances.push({ port, stop });
  }
  await Promise.all(instances.map(({ port }) => waitUntilLive(port, { name: "bench:cluster" })));
  return instances;
}

/** The round-robin proxy over `instances`, on `port`; closed at cleanup. */
export async function startProxy(instances, port) {
  const proxy = createRoundRobinProxy({ upstreams: instances.map((i) => ({ host: "127.0.0.1", port: i.port })) });
  await new Promise((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  let closed;
  const close = () => {
    proxy.closeAllConnections();
    return (closed ??= new Promise((resolve) => proxy.close(() => resolve())));
  };
  atCleanUp(close);
  return close;
}

/** Runs bench/load.mjs with `config` (see there); its figures. */
export function runLoad(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "load.mjs"), JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.add(child);
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => {
      children.delete(child);
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`the load generator exited with ${code}`));
    });
  });
}

/** PostgreSQL and Redis: the ones in PG_URL and REDIS_URL, or throwaway ones. */
export async function services() {
  if (process.env.PG_URL && process.env.REDIS_URL)
    return { pgServer: process.env.PG_URL, redisUrl: process.env.REDIS_URL };
  progress("starting a throwaway PostgreSQL and Redis (scripts/services.sh)");
  const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-bench-services-"));
  const script = path.join(root, "scripts/services.sh");
  atCleanUp(() => {
    execFileSync(script, ["stop", dir], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  });
  const exports = execFileSync(script, ["start", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const pgServer = /PG_URL=(\S+)/.exec(exports)?.[1];
  const redisUrl = /REDIS_URL=(\S+)/.exec(exports)?.[1];
  if (!pgServer || !redisUrl) throw new Error(`unexpected output from services.sh: ${exports}`);
  return { pgServer, redisUrl, throwaway: true };
}

/** A fresh database on the PostgreSQL server, dropped at cleanup. */
export async function createPgDatabase(server) {
  const name = `dc_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  atCleanUp(async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Deletes the run's keys from a Redis that outlives it. */
export async function forgetRedisKeys(redisUrl, prefix) {
  const client = createClient({ url: redisUrl });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length) await client.unlink(keys);
  }
  await client.quit();
}
