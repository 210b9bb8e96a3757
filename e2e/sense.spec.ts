import { expect, type Browser, test } from "./test";
import { importDebate } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";

// Making sense of a debate (issue 12): typed replies with their label, a thread's counts and the
// filter; agreement marks with "where we stand".

function senseDebate(title: string) {
  return importDebate((slug) => ({
    debate: { slug, title: `Sense ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [{ slug: "first", title: "First part", position: 1 }],
    posts: [
      {
        id: "p0",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title,
        body: "Commons outlast markets when their keepers set the rules.",
      },
    ],
  }));
}

/** A page of its own, signed in as `member` (a session cookie of makeMembers). */
async function signedIn(browser: Browser, member: { cookie: string }) {
  const context = await browser.newContext();
  const [name, value] = member.cookie.split("=", 2) as [string, string];
  await context.addCookies([{ name, value, url: baseURL }]);
  return context.newPage();
}

test("[sense] a member replies 'challenges' to a seeded post and the label and the thread's counts show it", async ({
  browser,
}) => {
  const file = senseDebate("A claim to challenge");
  const slug = file.debate.slug;
  const [member] = await makeMembers(1);
  const page = await signedIn(browser, member!);
  await page.goto(`/debates/${slug}/first`);
  const post = page.getByRole("article", { name: "A claim to challenge" });
  await post.getByRole("button", { name: "Reply", exact: true }).click();
  const form = page.getByRole("form", { name: "Your reply to E2E Author" });
  await form.getByLabel("How does this reply relate? (optional)").selectOption({ label: "Challenges" });
  await form.getByRole("textbox", { name: "Your reply to E2E Author" }).fill("Markets outlast most commons, though.");
  await form.getByRole("button", { name: "Post reply" }).click();

  // The permalink of the reply: its label, and the thread's counts at the top.
  await expect(page).toHaveURL(/\/posts\//);
  const reply = page.getByRole("article", { name: /^Reply by / });
  await expect(reply.getByText("Reply type: Challenges")).toBeVisible();
  await expect(page.getByText("In this thread: 1 challenge")).toBeVisible();

  // The subheading shows the thread's counts, and the filter lists the reply.
  await page.goto(`/debates/${slug}/first`);
  await expect(page.getByText("In this thread: 1 challenge")).toBeVisible();
  await page.getByRole("navigation", { name: "Replies by type" }).getByRole("link", { name: "Challenges" }).click();
  await expect(page).toHaveURL(new RegExp(`/debates/${slug}/first/type/challenges$`));
  await expect(page.getByRole("heading", { level: 1, name: /Replies labelled “Challenges”/ })).toBeVisible();
  await expect(
    page.getByRole("article", { name: /^Reply by / }).getByText("Markets outlast most commons, though."),
  ).toBeVisible();
});

test("[sense] three members mark agree/disagree and the subheading's 'where we stand' lists the post as contested", async ({
  browser,
}) => {
  const file = senseDebate("A contested claim");
  const slug = file.debate.slug;
  const path = `/debates/${slug}/first`;
  const members = await makeMembers(5);

  // Three members mark through the page: agree, disagree, agree.
  for (const [i, value] of (["Agree", "Disagree", "Agree"] as const).entries()) {
    const page = await signedIn(browser, members[i]!);
    await page.goto(path);
    const post = page.getByRole("article", { name: "A contested claim" });
    const button = post.getByRole("button", { name: value, exact: true });
    await button.click();
    await expect(post.getByRole("status")).toHaveText(`Marked: ${value.toLowerCase()}.`);
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await page.context().close();
  }

  // Below five marks a post says only how many it has, never the split.
  const reader = await browser.newPage();
  await reader.goto(path);
  const post = reader.getByRole("article", { name: "A contested claim" });
  await expect(post.getByText("3 marks")).toBeVisible();
  await expect(reader.getByRole("region", { name: "Where we stand" })).toHaveCount(0);

  // Two more disagree (through the same Server Action) and the post reaches the threshold: 2 agree, 3 disagree.
  const { postId } = await idsOf(slug, "first", "p0");
  for (const member of members.slice(3)) {
    const result = await callAction("markPostAction", {
      pagePath: path,
      cookie: member.cookie,
      fields: { postId, value: "disagree" },
    });
    expect(result.ok, result.text).toBe(true);
  }

  await reader.reload();
  await expect(post.getByText("2 agree · 3 disagree · 0 pass")).toBeVisible();
  const stand = reader.getByRole("region", { name: "Where we stand" });
  await expect(
    stand.getByRole("list", { name: "Most contested" }).getByRole("link", { name: "A contested claim" }),
  ).toBeVisible();
  await expect(stand.getByRole("list", { name: "Broadest agreement" })).toHaveCount(0);
});

test("[sense] a member's mark buttons appear without moving the post's Reply button", async ({ browser }) => {
  const file = senseDebate("A claim marked in place");
  const [member] = await makeMembers(1);
  const page = await signedIn(browser, member!);
  // The buttons wait for the member's own marks: hold that answer until Reply has been measured.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/api/me/marks",
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto(`/debates/${file.debate.slug}/first`);
  const post = page.getByRole("article", { name: "A claim marked in place" });
  const reply = post.getByRole("button", { name: "Reply", exact: true });
  // Where Reply sits in its post, both read at once (parts of the page above the post may still arrive).
  const place = () =>
    reply.evaluate((button) => {
      const [inner, outer] = [button.getBoundingClientRect(), button.closest("article")!.getBoundingClientRect()];
      return { x: inner.x - outer.x, y: inner.y - outer.y };
    });
  await expect(reply).toBeVisible();
  await expect(post.getByRole("button", { name: "Agree", exact: true })).toHaveCount(0);
  const before = await place();

  release();
  const group = post.getByRole("group", { name: "Your mark on the contribution by E2E Author" });
  for (const name of ["Agree", "Disagree", "Pass"]) {
    await expect(group.getByRole("button", { name, exact: true })).toHaveAttribute("aria-pressed", "false");
  }
  const after = await place();
  expect(after.y, "Reply's top after the mark buttons appeared").toBeCloseTo(before.y, 0);
  expect(after.x, "Reply's left after the mark buttons appeared").toBeCloseTo(before.x, 0);
});
