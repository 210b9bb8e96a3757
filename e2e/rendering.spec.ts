import { expect, test } from "./test";
import { newMember, signUp } from "./accounts";

const COMMONS = "/debates/p2p-and-marxism/the-commons";
// Passes the check before parsing (nothing nested, no long run) yet kept the parser busy for over
// 6 s on the server's only thread. It is now rendered in a worker, within a 2-second budget.
const STALLING = "*_\n".repeat(4_999);

test("[rendering] a body that would stall the parser is refused with a message while the site keeps answering", async ({
  page,
  request,
}) => {
  await signUp(page, newMember("formatter"), COMMONS);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  // As a paste: Playwright's fill() takes over 40 s to enter 5,000 lines into any textarea.
  await form.getByLabel("Your contribution").evaluate((field: HTMLTextAreaElement, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(field, text);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, STALLING);

  const previewing = page.waitForRequest((r) => r.url().endsWith("/api/preview") && r.method() === "POST");
  await form.getByRole("button", { name: "Preview" }).click();
  await previewing;
  // While the worker grinds, the server answers at once.
  const asked = Date.now();
  expect((await request.get("/api/health/live")).ok()).toBe(true);
  expect(Date.now() - asked).toBeLessThan(1_000);
  await expect(form.getByText(/took longer than 2 seconds/)).toBeVisible();

  await form.getByRole("button", { name: "Write" }).click();
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(form.getByText(/took longer than 2 seconds/)).toBeVisible();
  await expect(form.getByLabel("Your contribution")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Your contribution")).toHaveValue(STALLING);
});
