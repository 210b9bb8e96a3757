import AxeBuilder from "@axe-core/playwright";
import { importDebate, seed, type SeedFile } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";
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

/** The archive file of that debate: the importer takes syntheses, closed proposals, reply types and mark counts. */
function senseFile(slug: string): Omit<SeedFile, "articles"> {
  const file = {
    debate: {
      slug,
      title: `Sense ${slug}`,
      author: "A11y Author",
      views: 0,
      body: "Opening post.",
      synthesis: { status: "open", body: "The debate has *just* begun." },
    },
    sections: [
      {
        slug: "sense",
        title: "Making sense",
        position: 1,
        synthesis: { status: "converging", body: "Most agree on **one** point:\n\n- commons need keepers" },
        proposals: [
          {
            statement: "We meet once a month.",
            author: "A11y Author",
            createdAt: "2024-01-01T10:00:00.000Z",
            closesAt: "2024-01-08T10:00:00.000Z",
            closedAt: "2024-01-08T10:00:00.000Z",
            outcome: "Agreed: the first Monday of each month.",
            counts: { agree: 4, abstain: 1, disagree: 1, block: 0 },
          },
        ],
      },
    ],
    posts: [
      {
        id: "c0",
        title: "A contested claim",
        body: "Commons outlast markets.",
        agreement: { agree: 5, disagree: 4, pass: 0 },
      },
      {
        id: "c1",
        title: "A claim most agree with",
        body: "Keepers set the rules.",
        agreement: { agree: 9, disagree: 0, pass: 1 },
      },
      { id: "r0", parent: "c0", body: "Markets outlast most commons.", replyType: "challenges" },
      { id: "r1", parent: "c0", body: "Which commons do you mean?", replyType: "question" },
      { id: "r2", parent: "c1", body: "The Ostrom cases show it.", replyType: "evidence" },
    ].map((post) => ({
      author: "A11y Author",
      authorNote: null,
      section: "sense",
      parent: null,
      title: null,
      ...post,
    })),
  };
  return file;
}

/**
 * A debate of this spec's own that holds every issue-12 state a page can show: a synthesis with an
 * open proposal (written against the version before the current one, so its page shows both diffs)
 * and two versions, the debate's own synthesis, a closed proposal with its outcome, typed replies
 * (an open question), posts past the agreement threshold (broadest agreement, most contested), and
 * a member's mark for the moderators' "who marked" list.
 */
let sense: Promise<{
  debate: string;
  subheading: string;
  threadFlat: string;
  permalink: string;
  synthesisProposal: string;
  closedProposal: string;
}> | null = null;
function sensePaths(browser: Browser) {
  return (sense ??= (async () => {
    const file = importDebate(senseFile);
    const debate = `/debates/${file.debate.slug}`;
    const subheading = `${debate}/sense`;
    const { subheadingId, postId } = await idsOf(file.debate.slug, "sense", "c0");
    const [member] = await makeMembers(1);
    const cookie = member!.cookie;

    // The member marks a post, and posts under the subheading, which lets them propose an edit of its synthesis.
    for (const [name, fields] of [
      ["markPostAction", { postId, value: "agree" }],
      ["createPostAction", { subheadingId, body: "A contribution of my own." }],
    ] as const) {
      const result = await callAction(name, { pagePath: subheading, cookie, fields });
      expect(result.ok, result.text).toBe(true);
    }
    const [cookieName, ...cookieValue] = cookie.split("=");
    const memberContext = await browser.newContext();
    await memberContext.addCookies([{ name: cookieName!, value: cookieValue.join("="), url: baseURL }]);
    const page = await memberContext.newPage();
    await page.goto(`${subheading}/synthesis`);
    const propose = page.getByRole("form", { name: "Propose an edit" });
    await propose.getByRole("textbox", { name: "Synthesis" }).fill("Most agree on **two** points.");
    await propose.getByRole("button", { name: "Propose this edit" }).click();
    await expect(page.getByText(/Your proposal is posted\./)).toBeVisible();
    await memberContext.close();

    // A moderator then saves version 2: the proposal is now against an older version.
    const staffContext = await browser.newContext({ storageState: stateFile("moderator") });
    const staff = await staffContext.newPage();
    await staff.goto(`${subheading}/synthesis`);
    const edit = staff.getByRole("form", { name: "Edit the synthesis" });
    await edit
      .getByRole("textbox", { name: "Synthesis" })
      .fill("Most agree on **one** point, and argue about another.");
    await edit.getByRole("button", { name: "Save a new version" }).click();
    await expect(staff.getByText("Saved as version 2.")).toBeVisible();
    const proposalLink = staff.getByRole("link", { name: `Proposed edit by Writer ${member!.id}` });
    const synthesisProposal = (await proposalLink.getAttribute("href"))!;
    // The subheading shows what the pages below are checked with: else they would check less than they say.
    await staff.goto(subheading);
    const stand = staff.getByRole("region", { name: "Where we stand" });
    for (const list of ["Broadest agreement", "Most contested", "Open questions"]) {
      await expect(stand.getByRole("list", { name: list }).getByRole("listitem")).toHaveCount(1);
    }
    await expect(staff.getByRole("region", { name: "Decisions" }).getByText(/the first Monday/)).toBeVisible();
    await staff.goto(`${subheading}/proposals`);
    const closedProposal = (await staff.getByRole("link", { name: "We meet once a month." }).getAttribute("href"))!;
    await staffContext.close();

    return {
      debate,
      subheading,
      threadFlat: `${debate}/posts/${postId}/flat`,
      permalink: `${debate}/posts/${postId}`,
      synthesisProposal,
      closedProposal,
    };
  })());
}

async function postPaths() {
  const { postId } = await idsOf("p2p-and-marxism", POST.section, POST.id);
  return { permalink: `${DEBATE}/posts/${postId}`, history: `${DEBATE}/posts/${postId}/history` };
}

for (const scheme of SCHEMES) {
  test.describe(`[a11y] ${scheme}`, () => {
    const readerPages: [string, (browser: Browser) => Promise<string>][] = [
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
      // The rest of issue 12, on a debate that shows all of it (sensePaths).
      ["debate with decisions and syntheses", async (b) => (await sensePaths(b)).debate],
      ["subheading with where we stand", async (b) => (await sensePaths(b)).subheading],
      ["replies by type", async (b) => `${(await sensePaths(b)).subheading}/type/questions`],
      ["replies by type, oldest first", async (b) => `${(await sensePaths(b)).subheading}/type/challenges/oldest`],
      ["subheading in time order", async (b) => `${(await sensePaths(b)).subheading}/flat`],
      ["seeded subheading in time order", async () => `${SUBHEADING}/flat`],
      ["thread in time order", async (b) => (await sensePaths(b)).threadFlat],
      ["synthesis with a proposed edit", async (b) => `${(await sensePaths(b)).subheading}/synthesis`],
      ["synthesis history with a diff", async (b) => `${(await sensePaths(b)).subheading}/synthesis/history`],
      [
        "synthesis history, earlier versions",
        async (b) => `${(await sensePaths(b)).subheading}/synthesis/history/before/2`,
      ],
      ["debate synthesis history", async (b) => `${(await sensePaths(b)).debate}/synthesis/history`],
      ["proposed synthesis edit", async (b) => (await sensePaths(b)).synthesisProposal],
      ["closed proposal with its outcome", async (b) => (await sensePaths(b)).closedProposal],
      ["moderation log", async () => "/moderation"],
      ["sign-in", async () => "/sign-in"],
      ["sign-up", async () => "/sign-up"],
      ["not found", async () => "/no-such-page"],
      ["debate not found", async () => "/debates/no-such-debate"],
    ];
    for (const [name, path] of readerPages) {
      test(`[a11y] ${name} page has no violations (${scheme})`, async ({ browser }) => {
        const page = await browse(browser, scheme);
        await visit(page, await path(browser));
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

    const staffPages: [string, (browser: Browser) => Promise<string>, "moderator" | "admin"][] = [
      ["account", async () => "/account", "moderator"],
      ["notifications", async () => "/notifications", "moderator"],
      ["catch-up", async () => `${DEBATE}/new`, "moderator"],
      ["moderation reports", async () => (await twoReports(), "/moderation/reports"), "moderator"],
      ["moderation users", async () => "/moderation/users", "admin"],
      ["manage a debate", async () => `${DEBATE}/manage`, "moderator"],
      ["open a debate", async () => "/debates/new", "moderator"],
      ["subheading, as staff", async () => SUBHEADING, "moderator"],
      ["synthesis, as staff", async () => `${DEBATE}/the-state/synthesis`, "moderator"],
      // A proposal's page with its vote form, close and outcome tools (issue 12).
      ["proposal, as staff", async () => (await proposalPaths()).page, "moderator"],
      // A closed one: the form to change its outcome.
      ["closed proposal, as staff", async (b) => (await sensePaths(b)).closedProposal, "moderator"],
      // A proposed edit against an older version: accept (with "Replace the current text") or reject.
      ["proposed synthesis edit, as staff", async (b) => (await sensePaths(b)).synthesisProposal, "moderator"],
      ["subheading in time order, as staff", async (b) => `${(await sensePaths(b)).subheading}/flat`, "moderator"],
    ];
    for (const [name, path, role] of staffPages) {
      test(`[a11y] ${name} page (signed in) has no violations (${scheme})`, async ({ browser }) => {
        const target = await path(browser);
        const page = await browse(browser, scheme, role);
        await visit(page, target);
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`[a11y] the moderators' open "who marked" list has no violations (${scheme})`, async ({ browser }) => {
      const { permalink } = await sensePaths(browser);
      const page = await browse(browser, scheme, "moderator");
      await visit(page, permalink);
      await page.getByText("Who marked this post (moderators only)", { exact: true }).click();
      await expect(page.getByRole("listitem").filter({ hasText: /^Writer .*: Agree$/ })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

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
