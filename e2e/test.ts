import { test as base, expect, type BrowserContext } from "@playwright/test";

// Every spec imports `test` from here: it fails a test when any page it opened, in any browser
// context, reports a Content-Security-Policy violation (server.mjs sends the policy).

export { expect };
export type { Browser, Page } from "@playwright/test";

const MARK = "CSP violation:";
const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();

async function watch(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.addInitScript((mark) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `${mark} ${event.violatedDirective} blocked ${event.blockedURI || "(inline)"} in ${event.sourceFile}`,
      );
    });
  }, MARK);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(MARK) || /Content Security Policy/i.test(text))
      violations.push(`${message.page()?.url()}: ${text}`);
  });
}

export const test = base.extend<{ cspViolations: void }>({
  browser: [
    async ({ browser }, proceed) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        await watch(context);
        return context;
      };
      await proceed(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context }, proceed) => {
    await watch(context);
    await proceed(context);
  },
  cspViolations: [
    async ({}, proceed) => {
      violations.length = 0;
      await proceed();
      expect(violations, "the pages reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
