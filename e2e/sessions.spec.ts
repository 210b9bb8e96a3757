import { expect, test } from "./test";
import { newMember, signOut, signUp } from "./accounts";

const COMMONS = "/debates/p2p-and-marxism/the-commons";

test("[sessions] a session cookie copied before sign-out is signed out at its next request", async ({ browser }) => {
  const member = newMember("copied");
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signUp(ownerPage, member, COMMONS);

  // Someone copies the session cookie into another browser: it works there, as the member.
  const copy = await browser.newContext();
  await copy.addCookies((await owner.cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token")));
  const copyPage = await copy.newPage();
  await copyPage.goto(COMMONS);
  await expect(copyPage.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

  await signOut(ownerPage, member);

  await copyPage.reload();
  await expect(
    copyPage.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
  await expect(copyPage.getByRole("link", { name: "Sign in to add to the debate" })).toBeVisible();
  await owner.close();
  await copy.close();
});
