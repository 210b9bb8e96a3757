import AxeBuilder from "@axe-core/playwright";
import { importDebate, seed } from "./fixtures";
import { callAction, idsOf, makeMembers } from "./members";
import { stateFile } from "./staff";
import { expect, test, type Browser, type Page } from "./test";

// Every page, in the light and the dark theme, passes axe-core's WCAG 2.0/2.1 A and AA rules and
// its best practices with no violation at all; so do the states a reader opens (a reply form, a menu).

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

const DEBATE = "/debates/p2p-and-marxism";
const SUBHEADING = `${DEBATE}/marxism-and-p2p`;
const POST = seed.posts.find((p) => p.section === "marxism-and-p2p" && p.parent === null)!;

/** The violations, each with the elements it names: what a reader of the failure needs. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  }));
}

/** Opens `path` and waits for what the client adds to it: the session's answer and the page's heading. */
async function visit(page: Page, path: string) {
  const session = page.waitForResponse((r) => r.url().endsWith("/api/auth/session"));
  await page.goto(path);
  await session;
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
}

async function browse(browser: Browser, scheme: Scheme, role?: "moderator" | "admin") {
  const context = await browser.newContext({
    colorScheme: scheme,
    reducedMotion: "reduce",
    storageState: role ? stateFile(role) : undefined,
  });
  return context.newPage();
}

/** A debate of this spec's own whose subheading holds more than one page of contributions. */
let paged: { first: string; author: string; slug: string } | null = null;
function pagedDebate() {
  if (paged) return paged;
  const file = importDebate((slug) => ({
    debate: { slug, title: `Accessible ${slug}`, author: "A11y Author", views: 0, body: "Opening post." },
    sections: [{ slug: "long", title: "A long subheading", position: 1 }],
    posts: Array.from({ length: 25 }, (_, i) => ({
      id: `c${i}`,
      author: "A11y Author",
      authorNote: null,
      section: "long",
      parent: i > 20 ? "c0" : null,
      title: i > 20 ? null : `Contribution ${i + 1}`,
      body: `Body of contribution ${i + 1}, with a [link](https://example.org/${i}) and *emphasis*.`,
    })),
  }));
  paged = { first: `/debates/${file.debate.slug}/long`, author: "A11y Author", slug: file.debate.slug };
  return paged;
}

/** Two open reports, so the moderators' queue shows its per-report forms (their landmarks need names). */
async function twoReports() {
  const { first, slug } = pagedDebate();
  const [reporter] = await makeMembers(1);
  for (const key of ["c1", "c2"]) {
    const { postId } = await idsOf(slug, "long", key);
    const sent = await callAction("reportPostAction", {
      pagePath: first,
      cookie: reporter!.cookie,
      fields: { postId, reason: `Off topic (${key})` },
    });
    expect(sent.ok, sent.text).toBe(true);
  }
}

/** A proposal of this spec's own, with a vote and a reason (issue 12): its page and the list's. */
let proposal: Promise<{ list: string; page: string }> | null = null;
function proposalPaths() {
  return (proposal ??= (async () => {
    const { first, slug } = pagedDebate();
    const { subheadingId } = await idsOf(slug, "long", "c0");
    const [proposer, voter] = await makeMembers(2);
    const made = await callAction("createProposalAction", {
      pagePath: first,
      cookie: proposer!.cookie,
      fields: {
        subheadingId,
        statement: "We read one chapter a week.",
        closesAt: new Date(Date.now() + 86400_000).toISOString(),
      },
    });
    expect(made.ok, made.text).toBe(true);
    const page = `${first}/proposals/${made.id}`;
    const voted = await callAction("castVoteAction", {
      pagePath: page,
      cookie: voter!.cookie,
      fields: { proposalId: made.id!, value: "abstain", reason: "Not sure yet." },
    });
    expect(voted.ok, voted.text).toBe(true);
    return { list: `${first}/proposals`, page };
  })());
}

async function postPaths() {
  const { postId } = await idsOf("p2p-and-marxism", POST.section, POST.id);
  return { permalink: `${DEBATE}/posts/${postId}`, history: `${DEBATE}/posts/${postId}/history` };
}

for (const scheme of SCHEMES) {
  test.describe(`[a11y] ${scheme}`, () => {
    const readerPages: [string, () => Promise<string>][] = [
      ["home", async () => "/"],
      ["debate", async () => DEBATE],
      ["subheading", async () => SUBHEADING],
      ["permalink", async () => (await postPaths()).permalink],
      ["history", async () => (await postPaths()).history],
      ["search with results", async () => "/search?q=marxism"],
      ["proposals", async () => (await proposalPaths()).list],
      ["proposal", async () => (await proposalPaths()).page],
      // A synthesis (issue 12): its page with its forms' place, its history, the debate's own.
      ["synthesis", async () => `${DEBATE}/the-state/synthesis`],
      ["synthesis history", async () => `${DEBATE}/the-state/synthesis/history`],
      ["debate synthesis", async () => `${DEBATE}/synthesis`],
      ["moderation log", async () => "/moderation"],
      ["sign-in", async () => "/sign-in"],
      ["sign-up", async () => "/sign-up"],
      ["not found", async () => "/no-such-page"],
      ["debate not found", async () => "/debates/no-such-debate"],
    ];
    for (const [name, path] of readerPages) {
      test(`[a11y] ${name} page has no violations (${scheme})`, async ({ browser }) => {
        const page = await browse(browser, scheme);
        await visit(page, await path());
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`[a11y] a subheading's later page and a profile have no violations (${scheme})`, async ({ browser }) => {
      const { first, author } = pagedDebate();
      const page = await browse(browser, scheme);
      await visit(page, first);
      const next = page.getByRole("link", { name: /^Next/ });
      await next.click();
      await page.waitForURL(/\/after\//);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await page.getByRole("link", { name: author }).first().click();
      await page.waitForURL(/\/people\//);
      await expect(page.getByRole("heading", { level: 1, name: author })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    const staffPages: [string, string, "moderator" | "admin"][] = [
      ["account", "/account", "moderator"],
      ["notifications", "/notifications", "moderator"],
      ["catch-up", `${DEBATE}/new`, "moderator"],
      ["moderation reports", "/moderation/reports", "moderator"],
      ["moderation users", "/moderation/users", "admin"],
      ["manage a debate", `${DEBATE}/manage`, "moderator"],
      ["open a debate", "/debates/new", "moderator"],
      ["subheading, as staff", SUBHEADING, "moderator"],
      ["synthesis, as staff", `${DEBATE}/the-state/synthesis`, "moderator"],
      ["proposal, as staff", "proposal", "moderator"],
    ];
    for (const [name, path, role] of staffPages) {
      test(`[a11y] ${name} page (signed in) has no violations (${scheme})`, async ({ browser }) => {
        if (path === "/moderation/reports") await twoReports();
        const page = await browse(browser, scheme, role);
        // "proposal": a proposal's page with its vote form, close and outcome tools (issue 12).
        await visit(page, path === "proposal" ? (await proposalPaths()).page : path);
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`[a11y] an open reply form and an open menu have no violations (${scheme})`, async ({ browser }) => {
      const page = await browse(browser, scheme, "moderator");
      await visit(page, SUBHEADING);
      const post = page.getByRole("article").first();
      await post.getByRole("button", { name: "Reply", exact: true }).click();
      await expect(page.getByRole("textbox").first()).toBeVisible();
      expect(await violations(page)).toEqual([]);

      // The header's menu (the account menu, or the one menu button of a narrow header).
      const menu = page.getByRole("banner").getByRole("button", { expanded: false }).last();
      await menu.click();
      await expect(page.getByRole("banner").getByRole("button", { expanded: true })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test(`[a11y] the keyboard shortcuts dialog has no violations (${scheme})`, async ({ browser }) => {
      const page = await browse(browser, scheme);
      await visit(page, SUBHEADING);
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
