// The two writing parts of npm run bench:cluster (bench/cluster.mjs): how fast concurrent members
// post, and whether the counters stay exact when many post at once through several instances.
import { makeMembers, post } from "./members.mjs";
import { quantile } from "./server.mjs";

// A week-old member may post 5 times a minute (lib/rules/post-rate-limit.ts): each member posts
// at most that many, so the limit never refuses and what is measured is posting, not refusing.
const POSTS_PER_MEMBER = 5;

const random = (list) => list[Math.floor(Math.random() * list.length)];
const placeholders = (list) => list.map(() => "?").join(", ");

/** The contributions one may reply to in a subheading (replies go one level down, never deeper). */
async function contributionIds(db, subheadingId) {
  const rows = await db.all(
    `SELECT "id" FROM "Post" WHERE "subheadingId" = ? AND "parentId" IS NULL AND "deletedAt" IS NULL AND "hiddenAt" IS NULL`,
    [subheadingId],
  );
  return rows.map((row) => row.id);
}

/** Posts in the database by these members: contributions and replies. */
async function postsBy(db, members) {
  const [row] = await db.all(
    `SELECT CAST(SUM(CASE WHEN "parentId" IS NULL THEN 1 ELSE 0 END) AS INTEGER) AS "contributions",
            CAST(SUM(CASE WHEN "parentId" IS NULL THEN 0 ELSE 1 END) AS INTEGER) AS "replies"
     FROM "Post" WHERE "authorId" IN (${placeholders(members)})`,
    members.map((m) => m.id),
  );
  return { contributions: Number(row?.contributions ?? 0), replies: Number(row?.replies ?? 0) };
}

/**
 * `writers` closed loops, writer w posting `posts` times, as `memberOf(w, k)` for its k-th post:
 * contributions and replies in turn, replies to any contribution of the subheading, new ones too.
 * `instanceOf(w)` pins a writer to an instance behind the proxy (undefined: round-robin).
 */
async function runWriters({ target, writers, posts, memberOf, instanceOf = () => undefined }) {
  const parents = await contributionIds(target.db, target.subheadingId);
  const latencies = [];
  const tally = { ok: 0, refused: 0, failed: 0, failures: {} };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = 0; k < posts; k++) {
        const reply = k % 2 === 1;
        const t = performance.now();
        const result = await post({
          ...target,
          cookie: memberOf(w, k).cookie,
          parentId: reply ? random(parents) : null,
          instance: instanceOf(w),
        });
        if (result.ok) {
          tally.ok++;
          latencies.push(performance.now() - t);
          if (!reply && result.id) parents.push(result.id);
        } else if (result.refused) tally.refused++;
        else {
          tally.failed++;
          tally.failures[result.status] = (tally.failures[result.status] ?? 0) + 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { ...tally, latencies, elapsed: (performance.now() - started) / 1000 };
}

const failureList = (failures) =>
  Object.entries(failures)
    .map(([status, n]) => `${n} × ${status === "0" ? "no answer" : `HTTP ${status}`}`)
    .join(", ");

/**
 * Write throughput: `writers` distinct members at a time post `total` posts between them through
 * createPostAction. `target`: { base, pagePath, actionId, subheadingId, db }. Returns a table row.
 */
export async function measureWrites({ target, writers, total, secret }) {
  const perWriter = Math.ceil(total / writers);
  const membersPerWriter = Math.ceil(perWriter / POSTS_PER_MEMBER);
  const members = await makeMembers(target.db, writers * membersPerWriter, secret);
  const run = await runWriters({
    target,
    writers,
    posts: perWriter,
    memberOf: (w, k) => members[w * membersPerWriter + Math.floor(k / POSTS_PER_MEMBER)],
  });
  const stored = await postsBy(target.db, members);
  return {
    posts: writers * perWriter,
    rate: run.ok / run.elapsed,
    p50: quantile(run.latencies, 0.5),
    p99: quantile(run.latencies, 0.99),
    ...run,
    stored: stored.contributions + stored.replies,
    failureText: failureList(run.failures),
  };
}

async function counters(db, subheadingId) {
  const [subheading] = await db.all(
    `SELECT "contributionCount", "replyCount", "debateId" FROM "Subheading" WHERE "id" = ?`,
    [subheadingId],
  );
  const [debate] = await db.all(`SELECT "contributionCount", "replyCount" FROM "Debate" WHERE "id" = ?`, [
    subheading.debateId,
  ]);
  const replyCounts = new Map(
    (await db.all(`SELECT "id", "replyCount" FROM "Post" WHERE "subheadingId" = ?`, [subheadingId])).map((r) => [
      r.id,
      Number(r.replyCount),
    ]),
  );
  return { subheading, debate, replyCounts };
}

/** The first "N contributions, M replies" after `marker` in a page (React separates adjacent texts with comments). */
function shownCounts(html, marker) {
  const text = html.replaceAll("<!-- -->", "");
  const at = text.indexOf(marker);
  const m = at >= 0 && /([\d,]+) contributions?, ([\d,]+) repl(?:y|ies)/.exec(text.slice(at));
  return m
    ? { contributionCount: Number(m[1].replaceAll(",", "")), replyCount: Number(m[2].replaceAll(",", "")) }
    : null;
}

/**
 * Exactness under concurrency: `writers` members, spread over `instances` instances behind the
 * proxy, each post `perWriter` posts into one subheading at once. The subheading's and debate's
 * counters must then have grown by exactly the posts made (rows in the database), each parent's
 * reply count by its new replies, and each instance's pages must show the database's counts.
 * Prints what it found; returns whether all of it held.
 */
export async function checkExactness({ target, writers, perWriter, instances, pages, secret, log }) {
  const members = await makeMembers(target.db, writers, secret);
  const before = await counters(target.db, target.subheadingId);
  const run = await runWriters({
    target,
    writers,
    posts: perWriter,
    memberOf: (w) => members[w],
    instanceOf: (w) => w % instances,
  });
  const after = await counters(target.db, target.subheadingId);
  const made = await postsBy(target.db, members);
  const problems = [];

  log(
    `  posts: ${run.ok} acknowledged, ${run.refused} refused, ${run.failed} failed${run.failed ? ` (${failureList(run.failures)})` : ""}; ` +
      `${made.contributions + made.replies} in the database (${made.contributions} contributions, ${made.replies} replies)`,
  );
  if (made.contributions + made.replies !== run.ok) problems.push("acknowledged posts ≠ posts in the database");
  for (const [name, b, a] of [
    ["subheading", before.subheading, after.subheading],
    ["debate", before.debate, after.debate],
  ]) {
    const grew = {
      contributionCount: a.contributionCount - b.contributionCount,
      replyCount: a.replyCount - b.replyCount,
    };
    const exact = grew.contributionCount === made.contributions && grew.replyCount === made.replies;
    log(
      `  ${name.padEnd(11)} contributionCount ${b.contributionCount} → ${a.contributionCount} (+${grew.contributionCount}), ` +
        `replyCount ${b.replyCount} → ${a.replyCount} (+${grew.replyCount}): ${exact ? "exact" : "WRONG"}`,
    );
    if (!exact) problems.push(`${name} counters`);
  }

  // Every post's replyCount grew by the replies it received here (nobody else writes meanwhile).
  const newReplies = new Map();
  for (const row of await target.db.all(
    `SELECT "parentId" FROM "Post" WHERE "parentId" IS NOT NULL AND "authorId" IN (${placeholders(members)})`,
    members.map((m) => m.id),
  )) {
    newReplies.set(row.parentId, (newReplies.get(row.parentId) ?? 0) + 1);
  }
  const wrongParents = [...after.replyCounts].filter(
    ([id, count]) => count - (before.replyCounts.get(id) ?? 0) !== (newReplies.get(id) ?? 0),
  ).length;
  log(`  replies counted on their parents: ${newReplies.size} posts replied to, ${wrongParents} wrong`);
  if (wrongParents) problems.push("parents' reply counts");

  // Straight after the last write, each instance's pages (cached, invalidated through Redis).
  const shown = [];
  for (let instance = 0; instance < instances; instance++) {
    for (const page of pages) {
      const html = await (await fetch(page.url(instance))).text();
      const counts = shownCounts(html, page.marker);
      const wanted = page.name === "debate" ? after.debate : after.subheading;
      const exact = counts?.contributionCount === wanted.contributionCount && counts?.replyCount === wanted.replyCount;
      shown.push(
        `${page.name} ${counts ? `${counts.contributionCount}/${counts.replyCount}` : "?"}${exact ? "" : " (STALE)"}`,
      );
      if (!exact) problems.push(`instance ${instance}'s ${page.name} page`);
    }
    log(`  instance ${instance} shows (contributions/replies): ${shown.splice(0).join(", ")}`);
  }
  if (problems.length) log(`  wrong: ${problems.join("; ")}`);
  return problems.length === 0;
}
