import { expect, type Page } from "@playwright/test";

let counter = 0;
/** A new member's details, unique to this test run. */
export function newMember(prefix = "member") {
  const tag = `${Date.now().toString(36)}${process.pid}${++counter}`;
  return { name: `${prefix} ${tag}`, email: `${prefix}-${tag}@example.test`, password: `Commons-${tag}-pw!` };
}

/**
 * Each member's browser comes from an address of its own, as real newcomers do: sign-up is limited
 * per address (3 an hour), and so is what first-day accounts from one address post together. The
 * e2e server trusts its loopback proxy (TRUST_PROXY=loopback), so this header names the client.
 */
export async function fromAddressOfItsOwn(page: Page) {
  const octet = () => Math.floor(Math.random() * 256);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.${18 + (octet() % 2)}.${octet()}.${octet()}` });
}

/**
 * "Sign in" or "Sign up" in the header: inline on a wide screen; on a phone, inside the menu
 * button (components/account-menu.tsx), which this opens first.
 */
export async function headerLink(page: Page, name: "Sign in" | "Sign up") {
  const account = page.getByRole("navigation", { name: "Account" });
  const link = account.getByRole("link", { name, exact: true });
  const menu = account.getByRole("button", { name: "Menu", exact: true });
  await expect(link.or(menu).first()).toBeVisible();
  if (!(await link.isVisible())) await menu.click();
  return link;
}

export async function signUp(page: Page, member: ReturnType<typeof newMember>, from = "/") {
  await fromAddressOfItsOwn(page);
  await page.goto(from);
  await (await headerLink(page, "Sign up")).click();
  await page.getByLabel("Display name").fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
}

export async function signIn(page: Page, member: { email: string; password: string }) {
  await (await headerLink(page, "Sign in")).click();
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page, member: { name: string }) {
  await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(await headerLink(page, "Sign in")).toBeVisible();
}
