import { expect, test, type Browser, type Page } from "./test";
import { importDebate } from "./fixtures";
import { baseURL, makeMembers } from "./members";

// Live updates: a reader with a subheading open learns of a reply another member posts there,
// without reloading, and sees it in place without what they were reading moving. On the cluster
// leg the proxy alternates instances request by request, so the reply and the reader's event
// stream may well go through different instances (Redis carries the event across).

// On the cluster leg, A reads through the first instance and B writes through the last, so the
// event must cross from one to the other (scripts/round-robin-proxy.mjs honours the pin).
const INSTANCES = Number(process.env.E2E_INSTANCES ?? 1);
const pinTo = (instance: number) => (INSTANCES > 1 ? { "x-debate-instance": String(instance) } : undefined);

/** A browser signed in as a member made straight in the database (e2e/members.ts). */
async function signedIn(browser: Browser, cookie: string, instance: number) {
  // From an address of its own, as each reader is: streams are limited per address (20), and the
  // suite's other browsers without one all come from the loopback address.
  const octet = () => Math.floor(Math.random() * 256);
  const address = `198.${18 + (octet() % 2)}.${octet()}.${octet()}`;
  const context = await browser.newContext({ extraHTTPHeaders: { ...pinTo(instance), "x-forwarded-for": address } });
  const split = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseURL }]);
  return context.newPage();
}

/** Where the heading of `title` is on screen, in CSS pixels from the top of the viewport. */
const topOf = async (page: Page, title: string) => (await page.getByRole("heading", { name: title }).boundingBox())!.y;

test("[live] a reply posted by another member appears as a bar, and shows in place without a jump", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const long = (n: number) =>
    Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of contribution ${n}: ${"commons ".repeat(40)}`).join(
      "\n\n",
    );
  const file = importDebate((slug) => ({
    debate: { slug, title: `Live ${slug}`, author: "E2E Author", views: 0, body: "Watching a debate move." },
    sections: [{ slug: "open", title: "Open question", position: 1 }],
    posts: [
      {
        id: "root",
        author: "E2E Author",
        authorNote: null,
        section: "open",
        parent: null,
        title: "First word",
        body: long(1),
      },
      {
        id: "two",
        author: "E2E Author",
        authorNote: null,
        section: "open",
        parent: null,
        title: "Second word",
        body: long(2),
      },
      {
        id: "three",
        author: "E2E Author",
        authorNote: null,
        section: "open",
        parent: null,
        title: "Third word",
        body: long(3),
      },
    ],
  }));
  const subheading = `/debates/${file.debate.slug}/open`;
  const [reader, writer] = await makeMembers(2);

  // A reads the subheading, scrolled down to the third contribution, with the live stream open.
  const a = await signedIn(browser, reader!.cookie, 0);
  // The page's stream, once it listens to this subheading (the bell may have opened one before).
  const streaming = a.waitForResponse((r) => r.url().includes("/api/live?") && r.url().includes("subheading"));
  await a.goto(subheading);
  expect((await streaming).status()).toBe(200);
  await a
    .getByRole("heading", { name: "Third word" })
    .evaluate((heading) => heading.scrollIntoView({ block: "center" }));
  await a.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const before = await topOf(a, "Third word");

  // B replies to the first contribution, above what A is reading.
  const b = await signedIn(browser, writer!.cookie, INSTANCES - 1);
  await b.goto(subheading);
  const words = `Live from another browser at ${Date.now()}`;
  const first = b.getByRole("listitem").filter({ has: b.getByRole("heading", { name: "First word" }) });
  await first.getByRole("button", { name: "Reply" }).click();
  const form = b.getByRole("form", { name: /Your reply/ });
  await form.getByRole("textbox", { name: /Your reply/ }).fill(words);
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(b.getByRole("heading", { level: 1, name: `Reply by Writer ${writer!.id}` })).toBeVisible();

  // A is told, without reloading, and nothing moved.
  const bar = a.getByRole("button", { name: "1 new reply — show it" });
  await expect(bar).toBeVisible();
  await expect(a.getByRole("status").filter({ has: bar })).toHaveAttribute("aria-live", "polite");
  expect(await topOf(a, "Third word")).toBeCloseTo(before, 0);
  await expect(a.getByText(words)).toHaveCount(0);

  // A shows it: the reply is there, the page was not reloaded, and what A was reading stayed put.
  await bar.press("Enter");
  await expect(a.getByText(words)).toBeAttached();
  await expect(bar).toHaveCount(0);
  expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // The reply went in above, taller than this by far; the browser's scroll anchoring kept the
  // third contribution where it was, give or take a few pixels of what changed around it.
  const reply = (await a.getByText(words).boundingBox())!;
  expect(reply.height).toBeGreaterThan(15);
  expect(Math.abs((await topOf(a, "Third word")) - before)).toBeLessThanOrEqual(8);
  // Scrolling up to the first contribution, A finds B's reply under it.
  const firstOnA = a.getByRole("listitem").filter({ has: a.getByRole("heading", { name: "First word" }) });
  await expect(firstOnA.getByText(words)).toBeVisible();
});
