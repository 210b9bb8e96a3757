import { execFileSync } from "node:child_process";
import { expect, test as setup } from "./test";
import { signUp } from "./accounts";
import { e2eCommandEnv } from "./members";
import { ADMIN, MODERATOR, stateFile } from "./staff";

// Signs the staff in once (STYLE: a setup project per role). The admin is made by ADMIN_EMAILS
// (see playwright.config.ts); the moderator by the `npm run user:role` command.

setup("sign the admin and a moderator in", async ({ browser }) => {
  for (const [role, member] of [
    ["admin", ADMIN],
    ["moderator", MODERATOR],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, member);
    if (role === "moderator") {
      execFileSync("npm", ["run", "--silent", "user:role", "--", member.email, "moderator"], {
        env: e2eCommandEnv(),
        stdio: "pipe",
      });
    }
    await page.reload();
    await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
    await expect(page.getByRole("link", { name: "Reports" })).toBeVisible();
    await context.storageState({ path: stateFile(role) });
    await context.close();
  }
});
