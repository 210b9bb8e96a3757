import path from "node:path";
import type { Browser } from "@playwright/test";

export const ADMIN = { name: "E2E Admin", email: "admin@e2e.test", password: "admin's long passphrase" };
export const MODERATOR = {
  name: "E2E Moderator",
  email: "moderator@e2e.test",
  password: "moderator's long passphrase",
};
/** Where the setup project keeps each staff role's signed-in browser state. */
export const stateFile = (role: "admin" | "moderator") => path.join(process.env.E2E_DATA_DIR!, `${role}.json`);

/** A page in a browser of its own, signed in as that staff member (from the setup's state). */
export async function as(browser: Browser, role: "admin" | "moderator") {
  const context = await browser.newContext({ storageState: stateFile(role) });
  return context.newPage();
}
