import { expect, type Page } from "@playwright/test";

/** The smallest phone screen we support. */
export const NARROW = { width: 320, height: 720 };

/**
 * Fails when the page is wider than a 320 px screen, naming the elements that stick out (those
 * inside a box that scrolls on its own, a code block say, do not count).
 */
export async function expectNoSidewaysScroll(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const { scrollWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5)
      .filter((el) => !clipped(el) && getComputedStyle(el).position !== "fixed")
      .slice(-3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
  expect(scrollWidth, `${page.url()} is wider than the screen: ${culprits.join(" ")}`).toBeLessThanOrEqual(
    NARROW.width,
  );
}
