// npm run bench:cluster — what several instances buy on this machine, as figures; the one pass/fail
// is the counters' exactness under concurrent writes through two instances (exit 1 when off).
//
// In one run:
// 1. reads: the debate page and a subheading page, cached and anonymous, against
//    /api/health/live measured in the same run (neither database nor React): SQLite with one
//    instance, then PostgreSQL + Redis with one instance (directly, and behind the round-robin
//    proxy of scripts/round-robin-proxy.mjs, to show what the proxy costs) and with 2 and 3
//    behind it. The load comes from a process of its own (bench/load.mjs).
// 2. writes: BENCH_WRITERS members at a time post through createPostAction, on SQLite with one
//    instance and on PostgreSQL + Redis with two behind the proxy.
// 3. exactness: BENCH_EXACT_WRITERS members, spread over two instances, each post
//    BENCH_EXACT_POSTS posts into one subheading at once; the counters must add up.
//
// PostgreSQL and Redis: PG_URL (a server; a database of its own is made and dropped) and
// REDIS_URL (keys under a random REDIS_PREFIX, deleted at the end) when both are set, else
// throwaway ones (scripts/services.sh). The app is built into .next-bench once per database (the
// home page is prerendered from the database the build sees); --no-build reuses the last build.
// Everything started is stopped at the end, on failure and Ctrl-C too.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../scripts/instances.mjs";
import { checkExactness, measureWrites } from "./cluster-writes.mjs";
import {
  atCleanUp,
  cleanUp,
  crashes,
  createPgDatabase,
  forgetRedisKeys,
  progress,
  quietly,
  runLoad,
  services,
  startInstances,
  startProxy,
} from "./cluster-setup.mjs";
import { createPostActionId, openDatabase } from "./members.mjs";

const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const POSTS = Number(process.env.BENCH_POSTS ?? 480);
const EXACT_WRITERS = Number(process.env.BENCH_EXACT_WRITERS ?? 32);
const EXACT_POSTS = Number(process.env.BENCH_EXACT_POSTS ?? 5);
const BUILD = !process.argv.includes("--no-build");

const root = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-bench";
const DEBATE = "p2p-and-marxism";
const SUBHEADING = "the-state";
let failed = false;
const started = performance.now();
// Anything else running on the machine takes cores from the run: say how busy it was beforehand.
const loadBefore = loadavg()[0];
const PAGES = [
  { name: "health", path: "/api/health/live" },
  { name: "debate", path: `/debates/${DEBATE}` },
  { name: "subheading", path: `/debates/${DEBATE}/${SUBHEADING}` },
];

/** Migrates and seeds `env`'s database, and builds the app against it unless --no-build. */
function prepare(label, env) {
  progress(`migrating and seeding the ${label} database`);
  quietly("npm", ["run", "--silent", "db:setup"], env);
  if (!BUILD) return;
  progress(`building ${DIST_DIR} against ${label}`);
  quietly("npx", ["next", "build"], env);
}

const cell = (value, width, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–").padStart(width);
const failureText = (failures) =>
  Object.entries(failures)
    .map(([status, n]) => `${n} × ${status === "0" ? "no answer" : `HTTP ${status}`}`)
    .join(", ");

const readRows = [];
/** Every page against `base`, after a visit to each instance fills its caches. */
async function measureReads(setup, base, instances) {
  progress(`reads: ${setup}`);
  const rows = [];
  for (const page of PAGES) {
    for (const { port } of instances) await (await fetch(`http://127.0.0.1:${port}${page.path}`)).arrayBuffer();
    const figures = await runLoad({
      url: base + page.path,
      connections: CONNECTIONS,
      seconds: READ_SECONDS,
      warmupSeconds: 1,
    });
    rows.push({ setup, page: page.name, ...figures });
  }
  readRows.push(...rows);
}

function printReads() {
  const one = (page) => readRows.find((r) => r.setup === "PG+Redis ×1 (proxy)" && r.page === page)?.rps;
  console.log(
    `reads: ${READ_SECONDS} s a row after 1 s of warm-up, ${CONNECTIONS} keep-alive connections from a separate`,
  );
  console.log(`process, gzip/br accepted. "÷ health": req/s ÷ the health check's in the same setup;`);
  console.log(`"÷ ×1": req/s ÷ the same page's with PostgreSQL + Redis, one instance behind the proxy.`);
  console.log(`${"setup".padEnd(24)}${"page".padEnd(12)}   req/s  p50 ms  p99 ms     KB  ÷ health   ÷ ×1`);
  for (const r of readRows) {
    const health = readRows.find((h) => h.setup === r.setup && h.page === "health").rps;
    const proxied = r.setup.endsWith("(proxy)");
    console.log(
      `${r.setup.padEnd(24)}${r.page.padEnd(12)}${cell(r.rps, 8)}${cell(r.p50, 8, 1)}${cell(r.p99, 8, 1)}` +
        `${cell(r.kb, 7, 1)}${cell(r.rps / health, 10, 2)}${proxied ? cell(r.rps / one(r.page), 7, 2) : ""}`,
    );
    if (Object.keys(r.failures).length) {
      failed = true;
      console.log(`  ! not answered 200: ${failureText(r.failures)}`);
    }
  }
}

function printWrites(rows) {
  console.log(`writes: ${WRITERS} members posting at once through createPostAction, contributions and replies in turn`);
  console.log(`${"setup".padEnd(24)} posts  posts/s  p50 ms  p99 ms  refused  failed  in the db`);
  for (const [setup, r] of rows) {
    console.log(
      `${setup.padEnd(24)}${cell(r.posts, 6)}${cell(r.rate, 9, 1)}${cell(r.p50, 8)}${cell(r.p99, 8)}` +
        `${cell(r.refused, 9)}${cell(r.failed, 8)}${cell(r.stored, 11)}`,
    );
    if (r.failed) console.log(`  ! failed: ${r.failureText}`);
    if (r.stored !== r.ok) {
      failed = true;
      console.log(`  ! ${r.ok} acknowledged, ${r.stored} in the database`);
    }
  }
  const [[, first], [, second]] = rows;
  console.log(`posts/s, PG+Redis ×2 ÷ SQLite ×1: ${(second.rate / first.rate).toFixed(2)}`);
}

async function subheadingOf(db) {
  const [row] = await db.all(
    `SELECT s."id" FROM "Subheading" s JOIN "Debate" d ON d."id" = s."debateId" WHERE d."slug" = ? AND s."slug" = ?`,
    [DEBATE, SUBHEADING],
  );
  return row.id;
}

async function main() {
  const secret = randomBytes(32).toString("base64url");
  // Shared by every instance: sessions signed on one are read on another, and an action's
  // encrypted arguments are opened by whichever instance receives it.
  const common = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_SECRET: secret,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    TRUST_PROXY: "loopback",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  const subheadingPage = PAGES[2].path;

  // ---- SQLite, one instance: reads and writes -----------------------------------------------
  const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-bench-cluster-"));
  atCleanUp(() => rmSync(dir, { recursive: true, force: true }));
  // REDIS_URL empty, not unset: a .env file must not bring one back (empty is "no Redis").
  const sqliteEnv = { ...common, DATABASE_URL: `file:${path.join(dir, "bench.db")}`, REDIS_URL: "" };
  prepare("SQLite", sqliteEnv);
  const [sqlite] = await startInstances(1, sqliteEnv, "sqlite");
  const sqliteBase = `http://127.0.0.1:${sqlite.port}`;
  const sqliteDb = await openDatabase(sqliteEnv.DATABASE_URL);
  atCleanUp(() => sqliteDb.close());
  await measureReads("SQLite ×1", sqliteBase, [sqlite]);
  progress("writes: SQLite ×1");
  const sqliteWrites = await measureWrites({
    target: {
      db: sqliteDb,
      base: sqliteBase,
      pagePath: subheadingPage,
      actionId: createPostActionId(path.join(root, DIST_DIR)),
      subheadingId: await subheadingOf(sqliteDb),
    },
    writers: WRITERS,
    total: POSTS,
    secret,
  });
  // Before the next build replaces the one it runs from.
  await sqlite.stop();

  // ---- PostgreSQL + Redis, up to three instances ----------------------------------------------
  const { pgServer, redisUrl, throwaway } = await services();
  const prefix = `bench-${randomBytes(4).toString("hex")}:`;
  if (!throwaway) atCleanUp(() => forgetRedisKeys(redisUrl, prefix));
  const pgUrl = await createPgDatabase(pgServer);
  const proxyPort = await freePort();
  const proxyBase = `http://127.0.0.1:${proxyPort}`;
  const pgEnv = { ...common, DATABASE_URL: pgUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, NEXTAUTH_URL: proxyBase };
  prepare("PostgreSQL", pgEnv);
  const instances = await startInstances(3, pgEnv, "pg");
  const pgDb = await openDatabase(pgUrl);
  atCleanUp(() => pgDb.close());
  // One instance without the proxy too: what the proxy itself costs.
  await measureReads("PG+Redis ×1 (no proxy)", `http://127.0.0.1:${instances[0].port}`, instances.slice(0, 1));
  for (const n of [1, 2, 3]) {
    const close = await startProxy(instances.slice(0, n), proxyPort);
    await measureReads(`PG+Redis ×${n} (proxy)`, proxyBase, instances.slice(0, n));
    await close();
  }
  await instances[2].stop();

  const pgTarget = {
    db: pgDb,
    base: proxyBase,
    pagePath: subheadingPage,
    actionId: createPostActionId(path.join(root, DIST_DIR)),
    subheadingId: await subheadingOf(pgDb),
  };
  await startProxy(instances.slice(0, 2), proxyPort);
  progress("writes: PG+Redis ×2");
  const pgWrites = await measureWrites({ target: pgTarget, writers: WRITERS, total: POSTS, secret });

  console.log(
    `bench:cluster on ${availableParallelism()} cores (os.availableParallelism()). The instances share them with`,
  );
  console.log(
    `the proxy, the load generator, PostgreSQL and Redis: N instances scale only as far as idle cores allow.`,
  );
  console.log(
    `Load average (1 min) as the run began: ${loadBefore.toFixed(1)}; other work on the machine skews the figures.`,
  );
  console.log();
  printReads();
  console.log();
  printWrites([
    ["SQLite ×1", sqliteWrites],
    ["PG+Redis ×2 (proxy)", pgWrites],
  ]);

  // ---- Exactness: the counters after many posts at once through two instances ------------------
  console.log();
  console.log(
    `exactness: ${EXACT_WRITERS} members × ${EXACT_POSTS} posts at once into ${subheadingPage}, spread over 2 instances`,
  );
  // Each instance directly, found by the text just before the counts it shows.
  const direct = (page, marker) => ({
    ...page,
    marker,
    url: (i) => `http://127.0.0.1:${instances[i].port}${page.path}`,
  });
  const exact = await checkExactness({
    target: pgTarget,
    writers: EXACT_WRITERS,
    perWriter: EXACT_POSTS,
    instances: 2,
    secret,
    log: (line) => console.log(line),
    pages: [direct(PAGES[1], 'id="debate-title"'), direct(PAGES[2], "Subheading ")],
  });
  console.log(`counters exact: ${exact ? "yes" : "no"}`);
  if (!exact) failed = true;
}

try {
  await main();
} catch (error) {
  console.error("bench:cluster:", error);
  failed = true;
} finally {
  await cleanUp();
}
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
if (crashes.length) console.log(`instances that died during the run: ${crashes.join(", ")}`);
process.exit(failed || crashes.length ? 1 : 0);
