import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { idsOf } from "./members";
import { as } from "./staff";
import { expect, test, type Browser, type Page } from "./test";

// Agreement marks are public as counts and not anonymous to moderators (issue 12): on a post's
// permalink a moderator can open "Who marked this post", loaded from GET /api/posts/<id>/marks;
// members and readers get neither the list nor the route. This runs after the staff sign-in (setup).

const WHO_MARKED = "Who marked this post (moderators only)";

function markedDebate() {
  return importDebate((slug) => ({
    debate: { slug, title: `Who marked ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [{ slug: "first", title: "First part", position: 1 }],
    posts: [
      {
        id: "p0",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "A claim to mark",
        body: "Commons outlast markets when their keepers set the rules.",
      },
    ],
  }));
}

/** A new member, signed up in a browser of their own, who marks the post on its subheading's page. */
async function memberWhoMarks(browser: Browser, subheading: string, value: "Agree" | "Disagree") {
  const member = newMember("marker");
  const page = await (await browser.newContext()).newPage();
  await signUp(page, member, subheading);
  await page.goto(subheading);
  const post = page.getByRole("article", { name: "A claim to mark" });
  await post.getByRole("button", { name: value, exact: true }).click();
  await expect(post.getByRole("status")).toHaveText(`Marked: ${value.toLowerCase()}.`);
  return { member, page };
}

/** The marks route as this page's browser asks it (its cookies), status and body. */
async function marksRoute(page: Page, postId: string) {
  const response = await page.request.get(`/api/posts/${postId}/marks`);
  return { status: response.status(), cacheControl: response.headers()["cache-control"], body: await response.text() };
}

test("[marks] a moderator sees who marked a post and how; members and readers get no list", async ({ browser }) => {
  const file = markedDebate();
  const slug = file.debate.slug;
  const subheading = `/debates/${slug}/first`;
  const { postId } = await idsOf(slug, "first", "p0");
  const permalink = `/debates/${slug}/posts/${postId}`;

  const agreeing = await memberWhoMarks(browser, subheading, "Agree");
  const disagreeing = await memberWhoMarks(browser, subheading, "Disagree");

  // The moderator opens the list on the permalink: each marker by name with their mark, newest first.
  const moderator = await as(browser, "moderator");
  await moderator.goto(permalink);
  const summary = moderator.getByText(WHO_MARKED, { exact: true });
  await summary.click();
  const list = moderator.getByRole("group").filter({ has: summary }).getByRole("listitem");
  await expect(list).toHaveText([`${disagreeing.member.name}: Disagree`, `${agreeing.member.name}: Agree`]);
  const staffAnswer = await marksRoute(moderator, postId);
  expect(staffAnswer.status).toBe(200);
  expect(staffAnswer.cacheControl).toBe("private, no-store");
  // A post that does not exist is a 404, even for staff.
  expect((await marksRoute(moderator, "no-such-post")).status).toBe(404);

  // A member who marked: their own mark shows (the page knows who they are), the list does not,
  // and the route refuses them.
  const member = agreeing.page;
  await member.goto(permalink);
  // On its permalink the post is named by its author (the page's heading is its title).
  const post = member.getByRole("article", { name: "Contribution by E2E Author" });
  await expect(post.getByRole("button", { name: "Agree", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(member.getByText(WHO_MARKED)).toHaveCount(0);
  const memberAnswer = await marksRoute(member, postId);
  expect(memberAnswer.status).toBe(403);
  expect(memberAnswer.body).not.toContain(disagreeing.member.name);

  // A reader who is not signed in: the page knows it ("Sign in to reply"), no list, and the route asks for a session.
  const reader = await browser.newPage();
  await reader.goto(permalink);
  await expect(
    reader.getByRole("article", { name: "Contribution by E2E Author" }).getByRole("link", { name: "Sign in to reply" }),
  ).toBeVisible();
  await expect(reader.getByText(WHO_MARKED)).toHaveCount(0);
  const readerAnswer = await marksRoute(reader, postId);
  expect(readerAnswer.status).toBe(401);
  expect(readerAnswer.body).not.toContain(agreeing.member.name);
});
