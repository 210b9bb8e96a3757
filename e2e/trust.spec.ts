import { expect, type Browser, test } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";
import { stateFile } from "./staff";
import { threadFeedPath } from "../lib/paths";

// The promise of issue 7: a post the app said it saved is there, and every reader sees it on the
// very next request; nothing a moderator changes stays stale.

function debateWith(sections: string[], posts: { id: string; section: string; body: string; title?: string }[] = []) {
  return importDebate((slug) => ({
    debate: { slug, title: `Trust ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: sections.map((s, i) => ({ slug: s, title: `Part ${s}`, position: i + 1 })),
    posts: posts.map((p) => ({ author: "E2E Author", authorNote: null, parent: null, title: null, ...p })),
  }));
}

async function moderator(browser: Browser) {
  return (await browser.newContext({ storageState: stateFile("moderator") })).newPage();
}

test("[trust] a reply whose response was lost is saved once when the member sends it again", async ({ page }) => {
  const file = debateWith(["one"], [{ id: "p0", section: "one", title: "Start here", body: "The first word." }]);
  const url = `/debates/${file.debate.slug}/one`;
  await signUp(page, newMember("retrier"), url);
  const words = `Said once, sent twice ${Date.now()}`;

  // The server gets the first submission and saves it, but its answer never reaches the browser.
  let dropped = false;
  await page.route(url, async (route) => {
    if (route.request().method() !== "POST" || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Reply" }).click();
  const form = page.getByRole("form", { name: /Your reply/ });
  await form.getByRole("textbox", { name: /Your reply/ }).fill(words);
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(form.getByText(/could not be reached|went wrong|try again/i)).toBeVisible();
  await expect(form.getByRole("textbox", { name: /Your reply/ })).toHaveValue(words);

  // The member tries again: the same submission, answered with the reply saved the first time.
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Reply by/ })).toBeVisible();
  await page.goto(url);
  await expect(page.getByText(words)).toHaveCount(1);
});

test("[trust] after posting, the subheading shows the post at once, also through the browser's own cache", async ({
  page,
}) => {
  const file = debateWith(["one"], [{ id: "p0", section: "one", body: "Already here." }]);
  const url = `/debates/${file.debate.slug}/one`;
  await signUp(page, newMember("poster"), url);
  await expect(page.getByText("Already here.")).toBeVisible(); // this page is now in the browser's cache
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByLabel("Your contribution").fill("Posted, then looked for.");
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Contribution by/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Part one" }).click();
  await expect(page).toHaveURL(url);
  // (Next keeps the page left behind in the document, hidden: look at what is shown.)
  const contributions = page.getByRole("region", { name: "Contributions" });
  await expect(contributions.getByText("Posted, then looked for.")).toBeVisible();
  await expect(page.getByText("2 contributions").filter({ visible: true })).toBeVisible();
});

test("[trust] a lock shows on a permalink read before it, and a moved thread at once where it went", async ({
  page,
  browser,
}) => {
  const file = debateWith(
    ["one", "two"],
    [
      { id: "p0", section: "one", title: "Stays", body: "Stays in one." },
      { id: "p1", section: "one", title: "Travels", body: "Moves to two." },
    ],
  );
  const debate = `/debates/${file.debate.slug}`;
  await signUp(page, newMember("reader"), `${debate}/one`);
  const stays = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Stays" }) });
  await stays.getByRole("link", { name: /permalink/ }).click();
  // Wait for the permalink itself: until it arrives, the subheading's two Reply buttons are still on screen.
  await expect(page.getByRole("heading", { level: 1, name: "Stays" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reply" }).filter({ visible: true })).toHaveCount(1); // now cached
  const permalink = page.url();
  await page.goto(`${debate}/two`);
  await expect(page.getByText("No contributions under this subheading yet.")).toBeVisible();

  const mod = await moderator(browser);
  await mod.goto(`${debate}/one`);
  await mod.getByText("Moderate this subheading").click();
  await mod.getByRole("button", { name: "Lock this subheading" }).click();
  await expect(mod.getByText("Locked: reading goes on, posting is refused.")).toBeVisible();
  const travels = mod.getByRole("article").filter({ hasText: "Moves to two." });
  await travels.getByRole("button", { name: "Moderate", exact: true }).click();
  await travels.getByLabel("Move with its replies to").selectOption({ label: "Part two" });
  await travels.getByRole("button", { name: "Move", exact: true }).last().click();
  await expect(mod.getByRole("region", { name: "Contributions" }).getByText("Moves to two.")).toHaveCount(0);

  await page.goto(permalink);
  await expect(page.getByText("Locked: this can be read, but no longer replied to.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await page.goto(`${debate}/two`);
  await expect(page.getByText("Moves to two.")).toBeVisible();
  await mod.context().close();
});

test("[trust] writers and readers hammer one subheading; afterwards the first request shows every post", async () => {
  test.setTimeout(120_000);
  const file = debateWith(["hot"], [{ id: "root", section: "hot", title: "Root", body: "Reply to me." }]);
  const url = `/debates/${file.debate.slug}/hot`;
  const { subheadingId, postId: rootId } = await idsOf(file.debate.slug, "hot", "root");

  // 18 contributions (the first page holds 20) and 30 replies, each by its own member.
  const writers = await makeMembers(48);
  const jobs = writers.map((w, i) => ({ cookie: w.cookie, reply: i >= 18, body: `Hammered post ${i} ${Date.now()}` }));
  const acknowledged: string[] = [];
  const acknowledgedReplies: string[] = [];
  let writing = true;
  const readers = Array.from({ length: 6 }, async () => {
    let reads = 0;
    while (writing) {
      const turn = reads++ % 4;
      const page =
        turn === 0 ? `/debates/${file.debate.slug}` : turn === 1 ? threadFeedPath(file.debate.slug, rootId) : url;
      await (await fetch(baseURL + page)).arrayBuffer();
    }
    return reads;
  });
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const fields: Record<string, string> = { subheadingId, body: job.body, title: "" };
        if (job.reply) fields.parentId = rootId;
        const result = await callAction("createPostAction", { pagePath: url, cookie: job.cookie, fields });
        expect(result.ok, `a post was refused (HTTP ${result.status})`).toBe(true);
        acknowledged.push(result.id!);
        if (job.reply) acknowledgedReplies.push(result.id!);
      }
    }),
  );
  writing = false;
  expect((await Promise.all(readers)).reduce((a, b) => a + b)).toBeGreaterThan(0);

  expect(acknowledged).toHaveLength(48);
  // The subheading page shows every contribution, and the thread's first replies with "show N more"
  // (a page's HTML is bounded); the thread's feed lists every reply (its 50 newest posts).
  const after = await (await fetch(baseURL + url)).text();
  const contributions = acknowledged.filter((postId) => !acknowledgedReplies.includes(postId));
  const missing = contributions.filter((postId) => !after.includes(`id="post-${postId}"`));
  expect(missing, "acknowledged contributions missing from the subheading page").toEqual([]);
  expect(after.replaceAll("<!-- -->", "")).toContain("19 contributions, 30 replies");
  const feed = await (await fetch(baseURL + threadFeedPath(file.debate.slug, rootId))).text();
  const missingReplies = acknowledgedReplies.filter((postId) => !feed.includes(postId));
  expect(missingReplies, "acknowledged replies missing from the thread").toEqual([]);
});
