import Database from "better-sqlite3";
import pg from "pg";
import { importDebate } from "./fixtures";
import { baseURL, callAction, e2eDatabase, e2eDatabaseUrl, makeMembers } from "./members";
import { expect, test, type Browser } from "./test";

// Proposals (issue 12): a member proposes, another votes with a reason, the time passes and the
// scheduled close closes it with nobody visiting, the opener records the outcome, and the outcome
// shows in the subheading's decisions and on the debate's outline.

async function signedIn(browser: Browser, cookie: string) {
  const context = await browser.newContext();
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  return context.newPage();
}

/** Moves a proposal's closing time into the past, as time passing would (the server is not told). */
async function letTimePass(proposalId: string) {
  const past = new Date(Date.now() - 60_000);
  if (e2eDatabaseUrl().startsWith("postgres")) {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      await client.query(`UPDATE "Proposal" SET "closesAt" = $1 WHERE "id" = $2`, [
        past.toISOString().replace("Z", ""),
        proposalId,
      ]);
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(e2eDatabase());
    db.pragma("busy_timeout = 5000");
    db.prepare(`UPDATE "Proposal" SET "closesAt" = ? WHERE "id" = ?`).run(
      past.toISOString().replace("Z", "+00:00"),
      proposalId,
    );
    db.close();
  }
}

/** A date-time input's value (the browser's local time) a day from now. */
function tomorrowLocal() {
  const at = new Date(Date.now() + 86400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test("[proposals] a proposal is voted on, closed, its outcome shows in the synthesis area and the outline", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const file = importDebate((slug) => ({
    debate: { slug, title: `Deciding ${slug}`, author: "Proposal Author", views: 0, body: "How do we decide?" },
    sections: [{ slug: "plans", title: "Plans", position: 1 }],
    posts: [
      {
        id: "p1",
        author: "Proposal Author",
        authorNote: null,
        section: "plans",
        parent: null,
        title: "Start",
        body: "Let us plan.",
      },
    ],
  }));
  const debatePath = `/debates/${file.debate.slug}`;
  const subheadingPath = `${debatePath}/plans`;
  const [opener, voter] = await makeMembers(2);
  const statement = `We meet on the first Monday of each month (${file.debate.slug}).`;
  const outcome = "Agreed: monthly meetings start in March.";

  // The opener proposes, from the subheading page.
  const mine = await signedIn(browser, opener!.cookie);
  await mine.goto(subheadingPath);
  await mine.getByRole("button", { name: "Make a proposal" }).click();
  await mine.getByLabel("Proposal", { exact: true }).fill(statement);
  await mine.getByLabel(/Closes at/).fill(tomorrowLocal());
  await mine.getByRole("button", { name: "Propose" }).click();
  await mine.waitForURL(/\/proposals\/[^/]+$/);
  const proposalPath = new URL(mine.url()).pathname;
  const proposalId = proposalPath.split("/").at(-1)!;
  await expect(mine.getByText(statement)).toBeVisible();

  // Another member votes, with a reason; the counts and the named vote show on the page.
  const theirs = await signedIn(browser, voter!.cookie);
  await theirs.goto(proposalPath);
  await theirs.getByRole("radio", { name: "Block" }).check();
  await theirs.getByLabel(/Reason/).fill("Mondays clash with the market.");
  await theirs.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(theirs.getByText("Voted: Block.")).toBeVisible();
  await theirs.getByRole("radio", { name: "Agree", exact: true }).check();
  await theirs.getByLabel(/Reason/).fill("Fine, Mondays then.");
  await theirs.getByRole("button", { name: "Change my vote" }).click();
  await expect(theirs.getByText("Vote changed: Agree.")).toBeVisible();
  await theirs.reload();
  const votes = theirs.getByRole("region", { name: "Votes" });
  await expect(votes.getByText("Fine, Mondays then.")).toBeVisible();
  await expect(votes.getByRole("listitem")).toHaveCount(1);
  await expect(theirs.getByText(/^1\s+agree$/)).toBeVisible();

  // Its time passes; nobody visits; the scheduled close (every 30 s) closes it and the cached page says so.
  await letTimePass(proposalId);
  const late = await callAction("castVoteAction", {
    pagePath: proposalPath,
    cookie: voter!.cookie,
    fields: { proposalId, value: "block" },
  });
  expect(late.ok).toBe(false);
  expect(late.text).toContain("This proposal has closed");
  await expect
    .poll(
      async () => {
        await theirs.reload();
        return theirs.getByText(/^Closed /).count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  await expect(theirs.getByText("Voting has closed. You voted: Agree.")).toBeVisible();

  // The opener records the outcome.
  await mine.reload();
  await mine.getByLabel("Outcome", { exact: true }).fill(outcome);
  await mine.getByRole("button", { name: "Record the outcome" }).click();
  await expect(mine.getByText("Outcome recorded.")).toBeVisible();
  await mine.reload();
  await expect(mine.getByRole("region", { name: "Outcome" }).getByText(outcome)).toBeVisible();

  // It shows in the subheading's decisions and on the debate's outline, to any reader.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(subheadingPath);
  await expect(reader.getByRole("region", { name: "Decisions" }).getByText(outcome)).toBeVisible();
  await expect(reader.getByRole("region", { name: "Proposals" }).getByText(`Outcome: ${outcome}`)).toBeVisible();
  await reader.goto(debatePath);
  const outline = reader.getByRole("region", { name: "Decisions" });
  await expect(outline.getByText(/1 decision · latest: “Agreed: monthly meetings start in March\.”/)).toBeVisible();
});
