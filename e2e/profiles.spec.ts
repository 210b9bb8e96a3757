import { handleFromName } from "../lib/handle";
import { fromAddressOfItsOwn, newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { expect, test } from "./test";

const COMMONS = "/debates/p2p-and-marxism/the-commons";

/** A debate of the test's own, by an archive author with one titled contribution. */
function debateWithAuthor(title: string) {
  return importDebate((slug) => ({
    debate: { slug, title: `Profiles ${slug}`, author: `Voice ${slug}`, views: 0, body: "Opening." },
    sections: [{ slug: "one", title: "Part one", position: 1 }],
    posts: [
      {
        id: "p0",
        section: "one",
        author: `Voice ${slug}`,
        authorNote: null,
        parent: null,
        title,
        body: "Words the archive kept.",
      },
    ],
  }));
}

test("[profiles] an author's name on a seeded post leads to their profile, marked as from the archive", async ({
  page,
}) => {
  await page.goto(COMMONS);
  const post = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Should we worry about capitalist commons?" }) })
    .getByRole("article")
    .first();
  await post.getByRole("link", { name: "Michel Bauwens", exact: true }).first().click();
  await expect(page).toHaveURL(/\/people\/michel-bauwens$/);
  await expect(page.getByRole("heading", { level: 1, name: /Michel Bauwens/ })).toBeVisible();
  await expect(page.getByText("@michel-bauwens", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(page.getByText(/from the archived debate/).filter({ visible: true })).toBeVisible();
  await expect(page.getByText(/\d+ contributions?, \d+ repl/).filter({ visible: true })).toBeVisible();
  await expect(page).toHaveTitle(/Michel Bauwens \(@michel-bauwens\)/);

  // An author of a debate of this test's own: their post is on their profile, and leads back to it.
  const title = `A voice from the archive ${Date.now().toString(36)}`;
  const file = debateWithAuthor(title);
  await page.goto(`/debates/${file.debate.slug}/one`);
  await page.getByRole("link", { name: file.debate.author, exact: true }).first().click();
  await expect(page).toHaveURL(/\/people\/voice-e2e-/);
  const listed = page.getByRole("region", { name: "Contributions and replies" }).getByRole("article", { name: title });
  await expect(listed).toContainText("Words the archive kept.");
  await expect(listed).toContainText("Part one");
  await listed.getByRole("link", { name: /Read it in context/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // An unknown handle is the friendly 404.
  const response = await page.goto("/people/nobody-has-this-handle");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Profile not found" })).toBeVisible();
});

test("[profiles] a newcomer picks a handle at sign-up, posts, and sees it on their profile; then sets a bio", async ({
  page,
}) => {
  const member = newMember("profile");
  const handle = `pp-${member.email.split("@")[0]!.slice(-10)}`;
  const file = debateWithAuthor(`Opening words ${Date.now().toString(36)}`);

  await fromAddressOfItsOwn(page);
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(member.name);
  // The handle follows the name until it is edited.
  await expect(page.getByLabel("Handle")).toHaveValue(handleFromName(member.name));
  await page.getByLabel("Handle").fill("Not A Handle");
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use only lower-case letters a–z, digits, “_” and “-” in your handle.")).toBeVisible();
  await expect(page.getByLabel("Handle")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Handle").fill(handle);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

  await page.goto(`/debates/${file.debate.slug}/one`);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  const title = `My first words (${handle})`;
  await form.getByLabel("Title (optional)").fill(title);
  await form.getByLabel("Your contribution").fill("A commons is what we keep together.");
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Their name on the post is the way to their profile.
  const mine = page.getByRole("region", { name: "The post and its replies" }).getByRole("article").first();
  await mine.getByRole("link", { name: member.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${handle}$`));
  await expect(page.getByText(`@${handle}`, { exact: true }).filter({ visible: true })).toBeVisible();
  // Dates within the last week read as relative time, localised in the browser.
  await expect(page.getByText(/joined \d+ minutes? ago/).filter({ visible: true })).toBeVisible();
  await expect(page.getByText("1 contribution, 0 replies").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("article", { name: title })).toContainText("A commons is what we keep together.");

  // A bio, in Markdown, sanitized.
  await page.goto("/account");
  const profile = page.getByRole("region", { name: "Your profile" });
  await expect(profile.getByLabel("Handle")).toHaveValue(handle);
  await profile.getByLabel("Bio (optional)").fill("I look after **gardens**. <script>alert(1)</script>");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Your profile is saved.")).toBeVisible();
  await page.goto(`/people/${handle}`);
  const about = page.getByRole("region", { name: `About ${member.name}` });
  await expect(about.locator("strong")).toHaveText("gardens");
  await expect(about.locator("script")).toHaveCount(0);
});

test("[profiles] typing @ and a few letters in the compose form offers members; Enter inserts the handle", async ({
  page,
}) => {
  const member = newMember("mentioner");
  const handle = handleFromName(member.name);
  const file = debateWithAuthor(`Mention me ${Date.now().toString(36)}`);
  await signUp(page, member, `/debates/${file.debate.slug}/one`);

  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  const body = form.getByLabel("Your contribution");
  await body.pressSequentially(`Thanks to @${handle.slice(0, 14)}`);
  const list = form.getByRole("listbox", { name: "People to mention" });
  const option = list.getByRole("option", { name: new RegExp(`@${handle}`) });
  await expect(option).toBeVisible();
  await expect(body).toHaveAttribute("aria-activedescendant", /.+/);
  await body.press("ArrowDown");
  await body.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(body).toHaveValue(`Thanks to @${handle} `);
  await body.pressSequentially("for this.");
  await expect(body).toHaveValue(`Thanks to @${handle} for this.`);

  // Escape closes the list and leaves the text as typed.
  await body.pressSequentially(" And @mentio");
  await expect(list).toBeVisible();
  await body.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(body).toHaveValue(`Thanks to @${handle} for this. And @mentio`);
});
