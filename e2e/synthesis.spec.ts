import { seed } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";
import { as } from "./staff";
import { expect, test } from "./test";

// A living synthesis (issue 12): "where the discussion stands", per subheading and for the debate.

const DEBATE = "/debates/p2p-and-marxism";
const SUBHEADING = `${DEBATE}/the-state`;
const SYNTHESIS = `${SUBHEADING}/synthesis`;
const STATE_POST = seed.posts.find((p) => p.section === "the-state" && p.parent === null)!;

test("[synthesis] a member proposes an edit to 'The role of the state', a moderator accepts it, the history shows both versions with a diff", async ({
  browser,
  page,
  context,
}) => {
  const tag = Date.now().toString(36);
  const first = `The state ${tag} withers away once the commons grow.`;
  const proposed = `The state ${tag} does not wither away; it is reshaped as the commons grow.`;

  // A moderator writes the first version (or the next one, on a retry).
  const moderator = await as(browser, "moderator");
  await moderator.goto(SYNTHESIS);
  await expect(moderator.getByRole("heading", { level: 1, name: /Where the discussion stands/ })).toBeVisible();
  const edit = moderator.getByRole("form", { name: "Edit the synthesis" });
  await edit.getByRole("textbox", { name: "Synthesis" }).fill(first);
  await edit.getByLabel("Status").selectOption("converging");
  await edit.getByRole("textbox", { name: "Note on this change (optional)" }).fill("A first summary");
  await edit.getByRole("button", { name: "Save a new version" }).click();
  await expect(moderator.getByText(/Saved as version \d+\./)).toBeVisible();
  const base = Number((await moderator.getByText(/Saved as version \d+\./).textContent())!.match(/\d+/)![0]);

  // A member who has posted under the subheading sees it there, and proposes an edit.
  const [member] = await makeMembers(1);
  const { subheadingId } = await idsOf("p2p-and-marxism", "the-state", STATE_POST.id);
  const posted = await callAction("createPostAction", {
    pagePath: SUBHEADING,
    cookie: member!.cookie,
    fields: { subheadingId, body: `A contribution on the state, ${tag}.` },
  });
  expect(posted.ok, posted.text).toBe(true);
  const [name, ...value] = member!.cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  await page.goto(SUBHEADING);
  const summary = page.getByRole("region", { name: /Where the discussion stands/ });
  await expect(summary.getByText(first)).toBeVisible();
  await expect(summary.getByText("Converging")).toBeVisible();
  await summary.getByRole("link", { name: /Propose an edit/ }).click();
  await page.waitForURL(new RegExp(`${SYNTHESIS}$`));
  const propose = page.getByRole("form", { name: "Propose an edit" });
  const text = propose.getByRole("textbox", { name: "Synthesis" });
  await expect(text).toHaveValue(first);
  await text.fill(proposed);
  await propose.getByRole("textbox", { name: "Why this change (optional)" }).fill("It does not wither");
  await propose.getByRole("button", { name: "Propose this edit" }).click();
  await expect(page.getByText("Your proposal is posted.")).toBeVisible();

  // The moderator opens it, sees its diff, and accepts it.
  await moderator.goto(SYNTHESIS);
  await moderator.getByRole("link", { name: `Proposed edit by Writer ${member!.id}` }).click();
  await expect(moderator.getByRole("heading", { level: 1, name: /Proposed edit/ })).toBeVisible();
  await expect(moderator.getByRole("insertion").filter({ hasText: "reshaped" })).toBeVisible();
  const decide = moderator.getByRole("form", { name: "Decide" });
  await decide.getByRole("textbox", { name: "Note on your decision (optional)" }).fill("Clearer, thanks");
  await decide.getByRole("button", { name: "Accept" }).click();
  await expect(moderator.getByText(`Accepted: the synthesis is now version ${base + 1}.`)).toBeVisible();

  // The history: the accepted version (the member's words, applied by the moderator) over the first, with the diff.
  await moderator.goto(`${SYNTHESIS}/history`);
  const latest = moderator.getByRole("article", { name: new RegExp(`^Version ${base + 1} \\(current\\)`) });
  await expect(latest.getByText(`Writer ${member!.id}`)).toBeVisible();
  await expect(latest.getByRole("insertion").filter({ hasText: "reshaped" })).toBeVisible();
  await expect(latest.getByRole("deletion").first()).toBeVisible();
  const older = moderator.getByRole("article", { name: new RegExp(`^Version ${base}\\b`) });
  await expect(older.getByText("A first summary")).toBeVisible();

  // Everyone now reads the accepted text on the subheading page, and its first words on the debate page.
  await page.goto(SUBHEADING);
  await expect(page.getByRole("region", { name: /Where the discussion stands/ }).getByText(proposed)).toBeVisible();
  await page.goto(DEBATE);
  await expect(page.getByText(proposed)).toBeVisible();
});

test("[synthesis] a member who has not posted under the subheading is told why they cannot propose", async ({
  page,
  context,
}) => {
  const [member] = await makeMembers(1);
  const [name, ...value] = member!.cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  await page.goto(SYNTHESIS);
  const propose = page.getByRole("form", { name: "Propose an edit" });
  const text = propose.getByRole("textbox", { name: "Synthesis" });
  await text.fill("My own view of where the state stands.");
  await propose.getByRole("button", { name: "Propose this edit" }).click();
  await expect(page.getByText(/Only members who have posted under this subheading/)).toBeVisible();
  // Nothing typed is lost.
  await expect(text).toHaveValue("My own view of where the state stands.");
});
