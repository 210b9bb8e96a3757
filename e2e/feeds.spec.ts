import { parseAtom } from "../test/atom";
import { expect, test } from "./test";
import { importDebate } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";

// Atom feeds through the real server and its caches: advertised in each page's <head> and by a
// visible link, and a new post is in the feed at the very next request.

function debateWithThread() {
  return importDebate((slug) => ({
    debate: { slug, title: `Feeds ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [{ slug: "one", title: "Part one", position: 1 }],
    posts: [
      {
        id: "root",
        author: "E2E Author",
        authorNote: null,
        section: "one",
        parent: null,
        title: "Root",
        body: "Start.",
      },
    ],
  }));
}

const feedAt = async (path: string) => {
  const response = await fetch(baseURL + path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseAtom(await response.text());
};

test("[feeds] the debate, subheading and permalink pages advertise their Atom feeds", async ({ page }) => {
  const file = debateWithThread();
  const slug = file.debate.slug;
  const { postId } = await idsOf(slug, "one", "root");
  const places = [
    { path: `/debates/${slug}`, feed: `/debates/${slug}/feed.atom`, of: "this debate" },
    { path: `/debates/${slug}/one`, feed: `/debates/${slug}/one/feed.atom`, of: "this subheading" },
    { path: `/debates/${slug}/posts/${postId}`, feed: `/debates/${slug}/posts/${postId}/feed.atom`, of: "this thread" },
  ];
  for (const place of places) {
    await page.goto(place.path);
    // In <head> for feed readers and browsers (no role to find it by: it is not shown).
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute("href", baseURL + place.feed);
    const link = page.getByRole("link", { name: `Atom feed of ${place.of}` });
    await expect(link).toHaveAttribute("href", place.feed);
    const feed = await feedAt(place.feed);
    expect(feed.entries.map((e) => e.title)).toContain("Root");
  }
});

test("[feeds] a new post is in the debate's feed at the next request", async () => {
  const file = debateWithThread();
  const slug = file.debate.slug;
  const { subheadingId, postId: rootId } = await idsOf(slug, "one", "root");
  const before = await feedAt(`/debates/${slug}/feed.atom`); // now cached
  expect(before.entries).toHaveLength(1);

  const [writer] = await makeMembers(1);
  const words = `Fresh for the feed ${Date.now()}`;
  const result = await callAction("createPostAction", {
    pagePath: `/debates/${slug}/one`,
    cookie: writer!.cookie,
    fields: { subheadingId, parentId: rootId, body: words, title: "" },
  });
  expect(result.ok, `the post was refused (HTTP ${result.status})`).toBe(true);

  for (const path of [
    `/debates/${slug}/feed.atom`,
    `/debates/${slug}/one/feed.atom`,
    `/debates/${slug}/posts/${rootId}/feed.atom`,
  ]) {
    const after = await feedAt(path);
    expect(after.entries[0]!.id).toBe(`${baseURL}/debates/${slug}/posts/${result.id}`);
    expect(after.entries[0]!.content).toBe(`<p>${words}</p>`);
  }
});

test("[email] without SMTP_URL the account page offers no email setting", async ({ page, context }) => {
  const [member] = await makeMembers(1);
  const [name, ...value] = member!.cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Email" })).toHaveCount(0);
  await expect(page.getByText("An email for each reply or mention")).toHaveCount(0);
});

test("[email] an unsubscribe link that is not valid says so and offers no button", async ({ page }) => {
  await page.goto("/email/unsubscribe?token=1.someone.forged");
  await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop all email" })).toHaveCount(0);
});
