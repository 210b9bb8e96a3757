import { expect, test, type Browser, type Page } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";
import { stateFile } from "./staff";

// On the cluster leg (E2E_INSTANCES=n, playwright.config.ts) the proxy sends a request carrying
// `x-debate-instance: i` to instance i and names, on every answer, the instance that served it
// (scripts/round-robin-proxy.mjs). A writes, B reads: with one instance both are instance 0, and
// the spec still holds, more weakly, on the SQLite leg.
const INSTANCES = Number(process.env.E2E_INSTANCES ?? 1);
const A = 0;
const B = INSTANCES - 1;
const PIN = "x-debate-instance";

/** A date older than a week as the browser shows it (lib/time-format.ts; en-GB in UTC: playwright.config.ts). */
const shown = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date);
/** An imported debate's last activity: the archive keeps no dates (server/import/import-debate.ts). */
const UNDATED = shown(new Date(Date.UTC(2011, 0, 1)));

/** What a member is told instead of a Reply button, or when a reply is refused, under a lock. */
const REFUSAL = "Locked: this can be read, but no longer replied to.";

/** The subheading page's line about the subheading: its place, its counts, its last activity. */
const about = (page: Page) => page.getByText(/^Subheading 1 of 2 in/);
/** The debate page's outline entry for the subheading written to. */
const outline = (page: Page) =>
  page.getByRole("navigation", { name: "Subheadings" }).getByRole("listitem").filter({ hasText: "Open question" });

/**
 * A browser of its own whose every request is pinned to `instance`; the test ends by checking that
 * every answer it got came from there.
 */
async function pinnedPage(browser: Browser, instance: number, storageState?: string) {
  const context = await browser.newContext({ storageState, extraHTTPHeaders: { [PIN]: String(instance) } });
  const servedBy = new Set<string>();
  context.on("response", (response) => {
    if (response.url().startsWith(baseURL)) servedBy.add(response.headers()[PIN] ?? "no proxy");
  });
  const page = await context.newPage();
  return {
    page,
    /** Opens `path` as the very next request through this instance, and checks who answered. */
    async open(path: string) {
      const response = await page.goto(path);
      expect(response?.status(), `${path} answered`).toBe(200);
      if (INSTANCES > 1) expect(response?.headers()[PIN], `the instance that served ${path}`).toBe(String(instance));
    },
    expectAllServedHere() {
      expect([...servedBy]).toEqual([INSTANCES > 1 ? String(instance) : "no proxy"]);
    },
    close: () => context.close(),
  };
}

test("[instances] a write through one instance is seen through another on the very next request", async ({
  browser,
}) => {
  // Three browsers, a sign-up, an import and some twenty page loads: longer than one page's test.
  test.setTimeout(90_000);
  const file = importDebate((slug) => ({
    debate: { slug, title: `Instances ${slug}`, author: "E2E Author", views: 0, body: "Two servers, one debate." },
    sections: [
      { slug: "open", title: "Open question", position: 1 },
      { slug: "aside", title: "An aside", position: 2 },
    ],
    posts: [
      {
        id: "root",
        author: "E2E Author",
        authorNote: null,
        section: "open",
        parent: null,
        title: "Answer me anywhere",
        body: "Does every server know what the others were told?",
      },
    ],
  }));
  const debate = `/debates/${file.debate.slug}`;
  const subheading = `${debate}/open`;
  const { subheadingId, postId: rootId } = await idsOf(file.debate.slug, "open", "root");
  const permalink = `${debate}/posts/${rootId}`;

  // B: a member of a week's standing, reading; every page the write will change is read through
  // B first (twice, so that the second answer comes from the cache the first filled).
  const [reader] = await makeMembers(1);
  const b = await pinnedPage(browser, B);
  const split = reader!.cookie.indexOf("=");
  await b.page
    .context()
    .addCookies([{ name: reader!.cookie.slice(0, split), value: reader!.cookie.slice(split + 1), url: baseURL }]);
  const onB = b.page;
  const root = onB.getByRole("listitem").filter({ has: onB.getByRole("heading", { name: "Answer me anywhere" }) });
  for (let pass = 0; pass < 2; pass++) {
    await b.open(subheading);
    await expect(about(onB)).toHaveText(/· 1 contribution, 0 replies$/); // and no activity since the import
    await expect(root.getByRole("button", { name: "Reply" })).toBeVisible();
    await b.open(permalink);
    await expect(onB.getByRole("heading", { level: 1, name: "Answer me anywhere" })).toBeVisible();
    await expect(onB.getByText(/replies? to this/)).toHaveCount(0);
    await b.open(debate);
    await expect(onB.getByRole("article", { name: file.debate.title })).toContainText("1 contribution, 0 replies");
    await expect(outline(onB)).toHaveText(/1 contribution, 0 replies$/);
    await b.open("/");
    const card = onB.getByRole("article", { name: file.debate.title }).getByRole("list", { name: "About this debate" });
    await expect(card).toContainText("1 contribution");
    await expect(card).toContainText(`Last activity ${UNDATED}`);
  }

  // A: a newcomer replies through A's own page.
  const a = await pinnedPage(browser, A);
  const writer = newMember("instance-a");
  await signUp(a.page, writer, subheading);
  const words = `Written through instance ${A} at ${Date.now()}`;
  const answered = a.page
    .getByRole("listitem")
    .filter({ has: a.page.getByRole("heading", { name: "Answer me anywhere" }) });
  await answered.getByRole("button", { name: "Reply" }).click();
  const form = a.page.getByRole("form", { name: /Your reply/ });
  await form.getByRole("textbox", { name: /Your reply/ }).fill(words);
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(a.page.getByRole("heading", { level: 1, name: `Reply by ${writer.name}` })).toBeVisible();
  // Just now, as the browser says it (a pattern).
  const today = "\\d+ minutes? ago";

  // At once, through B: every page shows the reply, or what it changed.
  await b.open(subheading);
  await expect(root.getByText(words)).toBeVisible();
  await expect(root.getByText("1 reply to this")).toBeVisible();
  await expect(about(onB)).toHaveText(new RegExp(`· 1 contribution, 1 reply · last activity ${today}$`));
  await b.open(permalink);
  await expect(onB.getByRole("region", { name: "The post and its replies" }).getByText(words)).toBeVisible();
  await b.open(debate);
  await expect(onB.getByRole("article", { name: file.debate.title })).toContainText("1 contribution, 1 reply");
  await expect(outline(onB)).toHaveText(new RegExp(`1 contribution, 1 reply · last ${today}$`));
  // The debate page names the contribution and counts its replies (their text is read elsewhere).
  await expect(
    onB.getByRole("region", { name: "Open question" }).getByRole("listitem").filter({ hasText: "Answer me anywhere" }),
  ).toContainText("1 reply");
  await b.open("/");
  const card = onB.getByRole("article", { name: file.debate.title }).getByRole("list", { name: "About this debate" });
  await expect(card).toContainText("2 contributions");
  await expect(card).toContainText(new RegExp(`Last activity ${today}`));

  // The reader on B starts a reply of their own; meanwhile a moderator on A locks the subheading.
  await b.open(subheading);
  await root.getByRole("button", { name: "Reply" }).first().click();
  const late = onB.getByRole("form", { name: /Your reply/ });
  await late.getByRole("textbox", { name: /Your reply/ }).fill("Too late, as it turns out.");
  const mod = await pinnedPage(browser, A, stateFile("moderator"));
  await mod.open(subheading);
  await mod.page.getByText("Moderate this subheading").click();
  await mod.page.getByRole("button", { name: "Lock this subheading" }).click();
  await expect(mod.page.getByText("Locked: reading goes on, posting is refused.")).toBeVisible();

  // At once, B refuses the reply the page still offers, and every page shows the lock.
  await late.getByRole("button", { name: "Post reply" }).click();
  await expect(late.getByText(REFUSAL)).toBeVisible(); // B's answer: the page itself still offers the reply
  await expect(late.getByRole("textbox", { name: /Your reply/ })).toHaveValue("Too late, as it turns out.");
  // (Each page offers a reply only once it knows who reads it: wait for the lock's word in its place.)
  await b.open(subheading);
  await expect(onB.getByRole("note")).toContainText("This subheading is locked");
  await expect(root.getByText(REFUSAL)).toHaveCount(2);
  await expect(onB.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(about(onB)).toHaveText(new RegExp(`· 1 contribution, 1 reply · last activity ${today}$`));
  await b.open(permalink);
  await expect(onB.getByText(REFUSAL)).toHaveCount(2);
  await expect(onB.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await b.open(debate);
  const section = onB.getByRole("region", { name: "Open question" });
  await expect(section.getByText("Locked: this subheading can be read, but no longer added to.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Reply" })).toHaveCount(0);

  // Nor does B take the reply sent straight to it, without a page that might be out of date.
  const direct = await callAction("createPostAction", {
    pagePath: subheading,
    cookie: reader!.cookie,
    fields: { subheadingId, parentId: rootId, body: "Sent straight to B.", title: "" },
    headers: { [PIN]: String(B) },
  });
  if (INSTANCES > 1) expect(direct.instance, "the instance that refused the reply").toBe(String(B));
  expect(direct.ok, `a reply to a locked subheading was taken (HTTP ${direct.status})`).toBe(false);
  expect(direct.text).toContain(REFUSAL);
  await b.open(subheading);
  await expect(about(onB)).toHaveText(new RegExp(`· 1 contribution, 1 reply · last activity ${today}$`));
  await expect(onB.getByText("Sent straight to B.")).toHaveCount(0);

  a.expectAllServedHere();
  b.expectAllServedHere();
  mod.expectAllServedHere();
  await Promise.all([a.close(), b.close(), mod.close()]);
});
