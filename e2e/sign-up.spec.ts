import { expect, test } from "./test";
import { newMember } from "./accounts";

// Sign-up from one address (issue 8, finding 5). The e2e server trusts its loopback proxy
// (TRUST_PROXY=loopback), so X-Forwarded-For names the client here.

test("[accounts] sign-up from one address stops after three an hour, and the form says when to try again", async ({
  page,
  context,
}) => {
  const octet = () => Math.floor(Math.random() * 256);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.19.${octet()}.${octet()}` });
  const fill = async (member: ReturnType<typeof newMember>) => {
    await page.goto("/sign-up");
    await page.getByLabel("Display name").fill(member.name);
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password").fill(member.password);
    await page.getByRole("button", { name: "Create account" }).click();
  };
  for (let i = 0; i < 3; i++) {
    const member = newMember("flood");
    await fill(member);
    await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
    await context.clearCookies();
  }
  const fourth = newMember("flood");
  await fill(fourth);
  await expect(page.getByText(/Too many sign-ups from your network\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue(fourth.name);
});

test("[accounts] the sign-up form's honeypot is hidden from people and from assistive technology", async ({ page }) => {
  await page.goto("/sign-up");
  // The display name, the handle, the email and the password: the honeypot is not among them.
  const fields = page.getByRole("main").getByRole("textbox");
  await expect(fields).toHaveCount(4);
  await expect(page.getByRole("textbox", { name: /Leave this field empty/ })).toHaveCount(0);
  await expect(page.locator('input[name="website"]')).toHaveCount(1); // it is in the form, for scripts
  await page.getByLabel("Password").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create account" })).toBeFocused();
});
