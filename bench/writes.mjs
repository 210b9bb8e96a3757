// npm run bench:writes — how fast members can post, as figures, not as a pass/fail.
//
// In one run, on this machine:
// 1. raw: the better-sqlite3 driver alone writes posts the way the app does (the post, the
//    subheading's and debate's counters and last activity, the parent's reply count: one
//    transaction each), on a fresh copy of the schema with the app database's journal mode and
//    synchronous setting. That is the ceiling.
// 2. app: `next start` (the current build: run `npm run build` first) on a fresh, seeded
//    database; BENCH_WRITERS concurrent members post through the real Server Action, as the
//    browser does (multipart body, Next-Action header, session cookie, Origin), while
//    BENCH_READERS concurrent readers load pages. Before that, the readers run alone.
// It prints posts/s as a ratio of the raw rate, write latency percentiles, reads/s with and
// without the writers, and checks that every acknowledged post is in the database.
import Database from "better-sqlite3";
import { randomBytes, randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { quantile, startServer } from "./server.mjs";

const WRITERS = Number(process.env.BENCH_WRITERS ?? 32);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DEBATE = "p2p-and-marxism";
const HOT = "the-state";

const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-bench-"));
const file = path.join(dir, "bench.db");
const secret = randomBytes(32).toString("base64url");
const env = { DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: secret, CHECKPOINT_DISABLE: "1" };
execFileSync("npm", ["run", "--silent", "db:setup"], {
  env: { ...process.env, ...env },
  stdio: ["ignore", "ignore", "inherit"],
});

// ---- 1. The raw driver on the same schema ---------------------------------------------------
const sqlite = new Database(file);
const journalMode = sqlite.pragma("journal_mode", { simple: true });
const synchronous = process.env.BENCH_SYNCHRONOUS ?? "FULL";
const raw = rawInsertRate(path.join(dir, "raw.db"), journalMode, synchronous);
console.log(
  `raw driver: ${raw.toFixed(0)} posts/s (journal_mode=${journalMode}, synchronous=${synchronous}, one transaction a post)`,
);
// For comparison with figures taken before the database moved to WAL: the same, in rollback-journal mode.
const rawDelete =
  journalMode === "delete" ? raw : rawInsertRate(path.join(dir, "raw-delete.db"), "delete", synchronous);
if (journalMode !== "delete") console.log(`raw driver, rollback journal: ${rawDelete.toFixed(0)} posts/s`);

function rawInsertRate(rawFile, mode, sync) {
  const db = new Database(rawFile);
  const migrations = path.resolve("prisma/migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    db.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  db.pragma(`journal_mode = ${mode}`);
  db.pragma(`synchronous = ${sync}`);
  const now = () => new Date().toISOString().replace("Z", "+00:00");
  db.prepare(
    `INSERT INTO "Debate" (id, slug, title, body, bodyHtml, updatedAt) VALUES ('d', 'd', 'D', 'x', 'x', ?)`,
  ).run(now());
  db.prepare(
    `INSERT INTO "Subheading" (id, debateId, slug, title, position, updatedAt) VALUES ('s', 'd', 's', 'S', 1, ?)`,
  ).run(now());
  const findSubheading = db.prepare(`SELECT id, debateId FROM "Subheading" WHERE id = ?`);
  const findParent = db.prepare(`SELECT id, depth, rootId, subheadingId FROM "Post" WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO "Post" (id, debateId, subheadingId, parentId, rootId, depth, body, bodyHtml, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const countS = db.prepare(
    `UPDATE "Subheading" SET contributionCount = contributionCount + ?, replyCount = replyCount + ? WHERE id = ?`,
  );
  const countD = db.prepare(
    `UPDATE "Debate" SET contributionCount = contributionCount + ?, replyCount = replyCount + ? WHERE id = ?`,
  );
  const activityS = db.prepare(
    `UPDATE "Subheading" SET lastActivityAt = ? WHERE id = ? AND (lastActivityAt IS NULL OR lastActivityAt < ?)`,
  );
  const activityD = db.prepare(`UPDATE "Debate" SET lastActivityAt = ? WHERE id = ? AND lastActivityAt < ?`);
  const replied = db.prepare(`UPDATE "Post" SET replyCount = replyCount + 1 WHERE id = ?`);
  const ids = [];
  const post = db.transaction((i) => {
    const s = findSubheading.get("s");
    const parent = i % 2 && ids.length ? findParent.get(ids[i % ids.length]) : null;
    const id = randomUUID();
    const at = now();
    const body = `Raw post ${i}: a paragraph of the length people write here.`;
    insert.run(
      id,
      s.debateId,
      s.id,
      parent?.id ?? null,
      parent ? (parent.rootId ?? parent.id) : null,
      parent ? parent.depth + 1 : 0,
      body,
      `<p>${body}</p>`,
      at,
      at,
    );
    countS.run(parent ? 0 : 1, parent ? 1 : 0, s.id);
    countD.run(parent ? 0 : 1, parent ? 1 : 0, s.debateId);
    activityS.run(at, s.id, at);
    activityD.run(at, s.debateId, at);
    if (parent) replied.run(parent.id);
    if (!parent) ids.push(id);
  });
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 3000) post(n++);
  const rate = n / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

// ---- 2. The app ------------------------------------------------------------------------------
const { base, stop, rssMb } = await startServer({ env });
const manifest = JSON.parse(
  readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
);
const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "createPostAction")?.[0];
if (!actionId) throw new Error("createPostAction is not in the build's server reference manifest");

const hot = sqlite
  .prepare(`SELECT s.id FROM "Subheading" s JOIN "Debate" d ON d.id = s.debateId WHERE d.slug = ? AND s.slug = ?`)
  .get(DEBATE, HOT);
const parents = sqlite
  .prepare(`SELECT id FROM "Post" WHERE subheadingId = ?`)
  .all(hot.id)
  .map((r) => r.id);

// Members who may post: a week old (past the first-day limit), one post each so that the
// per-member rate limit never refuses (it is not what is measured here).
const ACCOUNTS = 4000;
const weekAgo = new Date(Date.now() - 7 * 86400_000).toISOString().replace("Z", "+00:00");
const addUser = sqlite.prepare(`INSERT INTO "User" (id, name, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
// Signed in as next-auth would have done it: a live session row (a day long), named in the JWT.
const addSession = sqlite.prepare(
  `INSERT INTO "UserSession" (id, userId, createdAt, lastSeenAt, expiresAt) VALUES (?, ?, ?, ?, ?)`,
);
const signedInAt = new Date().toISOString().replace("Z", "+00:00");
const tomorrow = new Date(Date.now() + 86400_000).toISOString().replace("Z", "+00:00");
const cookies = [];
sqlite.transaction(() => {
  for (let i = 0; i < ACCOUNTS; i++) {
    addUser.run(`bench-${i}`, `Bench member ${i}`, `bench-${i}@example.test`, weekAgo, weekAgo);
    addSession.run(`bench-session-${i}`, `bench-${i}`, signedInAt, signedInAt, tomorrow);
  }
})();
for (let i = 0; i < ACCOUNTS; i++) {
  cookies.push(
    `next-auth.session-token=${await encode({ token: { uid: `bench-${i}`, sid: `bench-session-${i}`, name: `Bench member ${i}` }, secret })}`,
  );
}

// The readers' mix: the pages of the debate, the hot subheading among them.
const subheadings = sqlite
  .prepare(`SELECT s.slug FROM "Subheading" s JOIN "Debate" d ON d.id = s.debateId WHERE d.slug = ?`)
  .all(DEBATE);
const permalinks = sqlite.prepare(`SELECT id FROM "Post" WHERE parentId IS NULL LIMIT 6`).all();
const readPaths = [
  "/",
  `/debates/${DEBATE}`,
  ...subheadings.map((s) => `/debates/${DEBATE}/${s.slug}`),
  ...permalinks.map((p) => `/debates/${DEBATE}/posts/${p.id}`),
];
for (const p of readPaths) await (await fetch(base + p)).arrayBuffer(); // warm the caches

// What the browser sends for `useActionState(createPostAction)` (captured from Chromium).
const pagePath = `/debates/${DEBATE}/${HOT}`;
const routerTree = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "debates",
        {
          children: [
            ["slug", DEBATE, "d", null],
            { children: [["subheading", HOT, "d", null], { children: ["__PAGE__", {}, null, null] }, null, null] },
            null,
            null,
          ],
        },
        null,
        null,
      ],
    },
    null,
    null,
  ]),
);

// Half the posts are contributions, half replies to a contribution picked at random among all of
// the subheading's, new ones included: a discussion, not hundreds of replies piled on the seed's
// four posts (one thread's length is bounded by issue 11's "show N more replies", not here).
let nextAccount = 0;
async function post(i) {
  const form = new FormData();
  form.set("_1_subheadingId", hot.id);
  if (i % 2) form.set("_1_parentId", parents[Math.floor(Math.random() * parents.length)]);
  form.set("_1_title", "");
  form.set("_1_body", `Benchmark post ${i}: a paragraph of the length people write here, with *some* Markdown.`);
  form.set("_1_idempotencyKey", randomUUID());
  form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
  const res = await fetch(base + pagePath, {
    method: "POST",
    headers: {
      "next-action": actionId,
      "next-router-state-tree": routerTree,
      accept: "text/x-component",
      origin: base,
      cookie: cookies[nextAccount++ % ACCOUNTS],
    },
    body: form,
  });
  const text = await res.text();
  const id = text.match(/"ok":true,"id":"([^"]+)"/)?.[1] ?? text.match(/"id":"([^"]+)"[^\n]*"ok":true/)?.[1];
  if (id && i % 2 === 0) parents.push(id);
  return { ok: res.ok && /"ok":true/.test(text), id, bytes: text.length };
}

async function read(i) {
  const res = await fetch(base + readPaths[i % readPaths.length]);
  await res.arrayBuffer();
  return res.ok;
}

/** `workers` closed loops of `fn` for SECONDS; latencies and counts. */
async function run(workers, fn, until) {
  const latencies = [];
  let failures = 0;
  let i = 0;
  const results = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const result = await fn(i++);
        latencies.push(performance.now() - t);
        results.push(result);
        if (!(result === true || result?.ok)) failures++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, failures, results, count: latencies.length };
}

const perSecond = (phase) => (phase.count - phase.failures) / (SECONDS + (phase.latencies.at(-1) ?? 0) / 1000);
const latency = (phase) =>
  ["p50", 0.5, "p95", 0.95, "p99", 0.99].reduce(
    (line, v, i, all) => (i % 2 ? line : `${line}${v} ${quantile(phase.latencies, all[i + 1]).toFixed(0)}  `),
    "",
  ) + `max ${(phase.latencies.at(-1) ?? 0).toFixed(0)}`;

// Phase 1: readers alone. Phase 2: writers alone. Phase 3: both at once.
const alone = await run(READERS, read, performance.now() + SECONDS * 1000);
const writesAlone = await run(WRITERS, post, performance.now() + SECONDS * 1000);
const until = performance.now() + SECONDS * 1000;
const [writes, during] = await Promise.all([run(WRITERS, post, until), run(READERS, read, until)]);
const readsAlone = alone.count / SECONDS;
const readsDuring = during.count / SECONDS;
const postsPerSecond = perSecond(writesAlone);

const results = [...writesAlone.results, ...writes.results];
const acknowledged = results.filter((r) => r.ok && r.id).map((r) => r.id);
const stored = new Set(
  sqlite
    .prepare(`SELECT id FROM "Post" WHERE subheadingId = ?`)
    .all(hot.id)
    .map((r) => r.id),
);
const missing = acknowledged.filter((id) => !stored.has(id)).length;

console.log(`app: ${WRITERS} writers, ${READERS} readers, against ${base}, ${SECONDS} s a phase`);
console.log(
  `  posts/s (writers alone)  ${postsPerSecond.toFixed(1).padStart(7)}   (${(postsPerSecond / raw).toFixed(3)}× the raw driver; ${(postsPerSecond / rawDelete).toFixed(3)}× its rollback-journal rate)`,
);
console.log(`  post latency ms          ${latency(writesAlone)}`);
console.log(`  posts/s beside readers   ${perSecond(writes).toFixed(1).padStart(7)}   ${latency(writes)}`);
console.log(
  `  post response            ${(results[0]?.bytes / 1024).toFixed(1)} KB; ${writesAlone.failures + writes.failures} of ${results.length} refused or failed`,
);
console.log(`  acknowledged posts       ${acknowledged.length}, missing from the database: ${missing}`);
console.log(
  `  reads/s alone            ${readsAlone.toFixed(1).padStart(7)}   p99 ${quantile(alone.latencies, 0.99).toFixed(0)} ms`,
);
console.log(
  `  reads/s beside writers   ${readsDuring.toFixed(1).padStart(7)}   p99 ${quantile(during.latencies, 0.99).toFixed(0)} ms   (${(readsDuring / readsAlone).toFixed(2)}× reads alone)`,
);
console.log(`  server memory (RSS) ${rssMb()} MB`);
sqlite.close();
stop();
process.exit(0);
