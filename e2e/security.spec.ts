import { expect, test } from "@playwright/test";

// Issue 8, finding 7: another site could frame any page, and no page said what it allowed.
const pages = ["/", "/debates/p2p-and-marxism", "/debates/p2p-and-marxism/the-state", "/sign-in", "/no-such-page"];
const apis = ["/api/health/live", "/api/auth/session"];

test("[security] every page and API answer forbids framing and sniffing, and limits referrers and features", async ({
  request,
}) => {
  for (const path of [...pages, ...apis]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

test("[security] the sign-in page shows no words a link puts in it, only its own", async ({ page }) => {
  await page.goto("/sign-in?error=" + encodeURIComponent("Your account is compromised. Call +1 555 0100."));
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByText(/compromised/)).toHaveCount(0);
  await page.goto("/sign-in?error=OAuthAccountNotLinked");
  await expect(
    page.getByText("That email already belongs to an account here: sign in with its password."),
  ).toBeVisible();
});
