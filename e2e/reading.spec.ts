import { expect, type Page, test } from "./test";
import { importDebate, seed, snippet } from "./fixtures";

const DEBATE = "/debates/p2p-and-marxism";
const sectionTitle = (slug: string) => seed.sections.find((s) => s.slug === slug)!.title;
const section = (page: Page, slug: string) => page.getByRole("region", { name: sectionTitle(slug), exact: true });

test("[reading] home → debate → subheading → permalink → back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Debates" })).toBeVisible();
  const card = page.getByRole("article", { name: "P2P and Marxism" });
  await expect(card).toContainText("8 subheadings");
  await expect(card).toContainText("18 contributions");
  await expect(card).toContainText("Michel Bauwens");

  await card.getByRole("link", { name: "P2P and Marxism" }).click();
  await expect(page).toHaveURL(DEBATE);
  await expect(page.getByRole("heading", { level: 1, name: "P2P and Marxism" })).toBeVisible();
  await expect(page.getByText(/^Opened by Michel Bauwens/).first()).toBeVisible();

  const outline = page.getByRole("navigation", { name: "Subheadings" });
  await expect(outline.getByRole("link")).toHaveText(seed.sections.map((s, i) => `${i + 1}.${s.title}`));
  await outline.getByRole("link", { name: sectionTitle("the-state") }).click();

  await expect(page).toHaveURL(`${DEBATE}/the-state`);
  await expect(page.getByRole("heading", { level: 1, name: sectionTitle("the-state") })).toBeVisible();
  const orsn = page.getByRole("listitem").filter({ has: page.getByRole("article", { name: "Contribution by orsn" }) });
  const replies = orsn.getByRole("article", { name: "Reply by Michel Bauwens" });
  await expect(replies).toHaveCount(2);
  await expect(
    page.getByRole("heading", {
      level: 3,
      name: "Paul Mason: the P2P Movement has paid insufficient attention to the state",
    }),
  ).toBeVisible();

  await replies
    .first()
    .getByRole("link", { name: /permalink/ })
    .click();
  await expect(page).toHaveURL(/\/debates\/p2p-and-marxism\/posts\/[^/]+#post-/);
  await expect(page.getByRole("heading", { level: 1, name: "Reply by Michel Bauwens" })).toBeVisible();
  const context = page.getByRole("region", { name: "In reply to" });
  // The post it answers is a compact line (its author, date and first words), not the whole post.
  await expect(context.getByRole("listitem").filter({ hasText: "orsn" })).toBeVisible();
  await expect(context.getByRole("article")).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: sectionTitle("the-state") }),
  ).toBeVisible();
  const target = page.getByRole("region", { name: "The post and its replies" }).getByRole("article").first();
  await expect(target).toBeInViewport();
  await expect(target).toContainText(snippet(seed.posts.find((p) => p.id === "poulantzas-reply")!.body));

  await page.goBack();
  await expect(page).toHaveURL(`${DEBATE}/the-state`);
  await expect(page.getByRole("heading", { level: 1, name: sectionTitle("the-state") })).toBeVisible();
});

test("[reading] every contribution, reply and article sits where the archive puts it, with its author", async ({
  page,
}) => {
  // The bodies are read on each subheading's page (the debate page only names its contributions).
  for (const { slug } of seed.sections) {
    await page.goto(`${DEBATE}/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: sectionTitle(slug) })).toBeVisible();
    const where = page.getByRole("main");
    for (const post of seed.posts.filter((p) => p.section === slug)) {
      const article = where
        .getByRole("article")
        .filter({ hasText: snippet(post.body) })
        .last();
      await expect(article, post.id).toBeVisible();
      await expect(article, post.id).toContainText(post.author ?? "Unknown author");
      if (post.authorNote) await expect(article, post.id).toContainText(post.authorNote);
      if (post.parent) {
        const parent = seed.posts.find((p) => p.id === post.parent)!;
        // Nested: inside the collapsible group of replies of the item that holds its parent.
        const parentItem = where
          .getByRole("listitem")
          .filter({ has: page.getByRole("article").filter({ hasText: snippet(parent.body) }) })
          .last();
        await expect(
          parentItem
            .getByRole("group")
            .getByRole("article")
            .filter({ hasText: snippet(post.body) }),
          post.id,
        ).toBeVisible();
      }
    }
    for (const article of seed.articles.filter((a) => a.section === slug)) {
      const heading = page.getByRole("heading", { level: 3, name: article.title });
      await expect(where.getByRole("heading", { level: 3, name: article.title }), article.id).toBeVisible();
      const item = where.getByRole("listitem").filter({ has: heading });
      await expect(item.getByRole("article").first()).toContainText(article.author);
      for (const comment of article.comments) {
        await expect(
          item.getByRole("group").getByRole("article", { name: `Reply by ${comment.author}` }),
          comment.id,
        ).toContainText(snippet(comment.body));
      }
    }
    const empty = !seed.posts.some((p) => p.section === slug) && !seed.articles.some((a) => a.section === slug);
    if (empty) await expect(where).toContainText("No contributions under this subheading yet.");
  }
});

test("[reading] the debate page is an overview: each subheading names its contributions and leads to them", async ({
  page,
}) => {
  await page.goto(DEBATE);
  for (const { slug, title } of seed.sections) {
    const top = [
      ...seed.posts.filter((p) => p.section === slug && !p.parent).map((p) => p.author ?? "Unknown author"),
      ...seed.articles.filter((a) => a.section === slug).map((a) => a.author),
    ];
    const where = section(page, slug);
    await expect(where.getByRole("link", { name: `Read “${title}” with its replies →` })).toBeVisible();
    if (top.length === 0) {
      await expect(where).toContainText("No contributions under this subheading yet.");
      continue;
    }
    const lines = where.getByRole("list").getByRole("listitem");
    await expect(lines, slug).toHaveCount(Math.min(top.length, 5));
    for (const author of top) await expect(lines.filter({ hasText: author }).first(), slug).toBeVisible();
  }
  // An article is named by its title; an untitled post by its first words, without its body.
  const state = section(page, "the-state");
  const mason = state.getByRole("listitem").filter({ hasText: "Paul Mason" });
  await expect(
    mason.getByRole("link", { name: "Paul Mason: the P2P Movement has paid insufficient attention to the state" }),
  ).toBeVisible();
  const orsnPost = seed.posts.find((p) => p.section === "the-state" && !p.parent && p.author === "orsn")!;
  const reply = seed.posts.find((p) => p.id === "poulantzas-reply")!;
  const orsn = state.getByRole("listitem").filter({ hasText: "orsn" });
  await expect(orsn).toContainText("2 replies");
  await expect(orsn.getByRole("link")).toContainText(snippet(orsnPost.body));
  await expect(page.getByText(snippet(reply.body))).toHaveCount(0);

  // The line leads to the contribution's permalink, opened at its top, where it is read with its replies.
  await orsn.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/debates\/p2p-and-marxism\/posts\/[^/#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contribution by orsn" })).toBeVisible();
  await expect(page.getByText(snippet(reply.body)).first()).toBeVisible();
});

test("[reading] the debate page's long opening post opens with the keyboard, and the page stays short", async ({
  page,
  request,
}) => {
  await page.goto(DEBATE);
  const opening = page.locator("#opening-post");
  const toggle = page.getByRole("button", { name: "Read the whole opening post" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // Clipped on screen, whole in the page: its last words are there, out of sight.
  const lastWords = "the contemporary nature of human emancipation";
  await expect(opening).toContainText(lastWords);
  await expect(opening.getByText(lastWords)).not.toBeInViewport();
  const clipped = (await opening.boundingBox())!.height;
  expect(clipped).toBeLessThanOrEqual(384); // the first screen's worth (max-h-96)
  await toggle.focus();
  await page.keyboard.press("Enter");
  const less = page.getByRole("button", { name: "Show less of the opening post" });
  await expect(less).toHaveAttribute("aria-expanded", "true");
  await expect.poll(async () => (await opening.boundingBox())!.height).toBeGreaterThan(clipped);
  await opening.getByText(lastWords).scrollIntoViewIfNeeded();
  await expect(opening.getByText(lastWords)).toBeInViewport();
  await less.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(opening.getByText(lastWords)).not.toBeInViewport();

  // The bound for the seeded debate: under 60 KB of HTML, under 5,000 px tall at 1280 px.
  const html = await (await request.get(DEBATE, { headers: { "Accept-Encoding": "identity" } })).body();
  expect(html.byteLength).toBeLessThan(60 * 1024);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
});

test("[reading] with a synthesis written for the debate and every subheading, the debate page shows each and stays under the bound", async ({
  page,
  request,
}) => {
  // The seeded debate again, under a slug and title as long as its own, with every synthesis written.
  const said = (place: string) =>
    `On ${place}, most who wrote agree that the commons needs institutions of its own, and that the ` +
    "old party forms do not fit peer production. Still contested: whether the state is a partner or an obstacle, " +
    "and how far markets can be kept at the edge. Open: who pays the maintainers, and how a movement keeps its memory.";
  const file = importDebate(() => ({
    ...seed,
    debate: {
      ...seed.debate,
      slug: "p2p-and-commons",
      title: "P2P and Commons",
      synthesis: { status: "converging", body: said("the whole debate") },
    },
    sections: seed.sections.map((s) => ({ ...s, synthesis: { status: "settled", body: said(s.title) } })),
  }));
  const debate = `/debates/${file.debate.slug}`;
  await page.goto(debate);
  for (const { slug, title } of seed.sections) {
    const excerpt = page.getByRole("region", { name: title, exact: true }).getByRole("link", { name: `On ${title},` });
    await expect(excerpt).toHaveAttribute("href", `${debate}/${slug}/synthesis`);
  }
  const own = page.getByRole("article").getByRole("link", { name: "On the whole debate, most who wrote agree" });
  await expect(own).toHaveAttribute("href", `${debate}/synthesis`);
  await expect(page.getByText("Where it stands:")).toHaveCount(seed.sections.length + 1);

  // The same bound as the seeded page's, syntheses and all.
  const html = await (await request.get(debate, { headers: { "Accept-Encoding": "identity" } })).body();
  expect(html.byteLength).toBeLessThan(60 * 1024);
});

test("[reading] dates: a <time> where the archive kept one, an honest note where it did not", async ({ page }) => {
  await page.goto(`${DEBATE}/the-state`);
  const mason = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Paul Mason/ }) });
  await expect(mason.locator("time").first()).toHaveAttribute("datetime", "2016-01-06T06:48:23.000Z");
  // Localised in the browser (en-GB, UTC: playwright.config.ts), with the full timestamp as its title.
  await expect(mason.locator("time").first()).toHaveText("6 Jan 2016, 06:48");
  await expect(mason.locator("time").first()).toHaveAttribute("title", /6 January 2016 at 06:48:23/);
  await expect(page.getByRole("article", { name: "Contribution by orsn" })).toContainText("date not preserved");
});

test("[reading] a thread's replies collapse and expand", async ({ page }) => {
  await page.goto(`${DEBATE}/the-state`);
  const thread = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("article", { name: "Contribution by orsn" }) });
  const replies = thread.getByRole("article", { name: "Reply by Michel Bauwens" });
  await expect(replies.first()).toBeVisible();
  const toggle = thread.getByText("2 replies to this");
  await toggle.click();
  await expect(replies.first()).toBeHidden();
  await toggle.click();
  await expect(replies.first()).toBeVisible();
});

test("[reading] a long subheading pages through all its contributions, and deep threads continue on their permalink", async ({
  page,
}) => {
  const total = 47;
  const file = importDebate((slug) => ({
    debate: { slug, title: `Paging ${slug}`, author: "E2E Author", views: 0, body: "Opening post." },
    sections: [{ slug: "busy", title: "A busy subheading", position: 1 }],
    posts: [
      ...Array.from({ length: total }, (_, i) => ({
        id: `c${i}`,
        author: "E2E Author",
        authorNote: null,
        section: "busy",
        parent: null,
        title: `Contribution number ${i + 1}`,
        body: `Body of contribution ${i + 1}.`,
      })),
      // A chain of replies deeper than the page shows.
      ...Array.from({ length: 7 }, (_, i) => ({
        id: `deep${i}`,
        author: "E2E Replier",
        authorNote: null,
        section: "busy",
        parent: i === 0 ? "c0" : `deep${i - 1}`,
        title: null,
        body: `Reply at depth ${i + 1}.`,
      })),
    ],
  }));

  await page.goto(`/debates/${file.debate.slug}`);
  const busy = page.getByRole("region", { name: "A busy subheading" });
  // Five lines: the one contribution with a reply, then the newest.
  await expect(busy.getByRole("list").getByRole("link")).toHaveText(
    [1, 47, 46, 45, 44].map((n) => `Contribution number ${n}`),
  );
  await busy.getByRole("link", { name: `See all ${total} contributions under “A busy subheading” →` }).click();

  const seen: string[] = [];
  for (;;) {
    await expect(page.getByRole("heading", { level: 1, name: "A busy subheading" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
    const titles = await page.getByRole("heading", { level: 3 }).allTextContents();
    seen.push(...titles);
    const next = page.getByRole("link", { name: "Next contributions →" });
    if ((await next.count()) === 0) break;
    const href = await next.getAttribute("href");
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
  }
  expect(seen).toEqual(Array.from({ length: total }, (_, i) => `Contribution number ${i + 1}`));

  await page.goto(`/debates/${file.debate.slug}/busy`);
  await expect(page.getByText("Reply at depth 4.")).toBeVisible();
  await expect(page.getByText("Reply at depth 5.")).toHaveCount(0);
  await page.getByRole("link", { name: /Continue this thread/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reply by E2E Replier" })).toBeVisible();
  await expect(page.getByText("Reply at depth 5.")).toBeVisible();
  await expect(page.getByText("Reply at depth 7.")).toBeVisible();
});

test("[reading] a visit to a debate counts one view", async ({ page }) => {
  const counted = page.waitForResponse(
    (r) => r.url().endsWith("/api/debates/p2p-and-marxism/views") && r.request().method() === "POST",
  );
  await page.goto(DEBATE);
  expect((await counted).status()).toBe(204);
});

test("[reading] unknown addresses get a friendly not-found page", async ({ page }) => {
  const cases = [
    ["/debates/no-such-debate", "Debate not found"],
    [`${DEBATE}/no-such-subheading`, "Subheading not found"],
    [`${DEBATE}/posts/no-such-post`, "Post not found"],
    [`${DEBATE}/the-state/after/not-a-cursor`, "Subheading not found"],
  ] as const;
  for (const [url, title] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("link", { name: "See all debates" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Debates" })).toBeVisible();
  }
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
