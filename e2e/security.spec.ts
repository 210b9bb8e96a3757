import { actionId, makeMembers } from "./members";
import { expect, test } from "./test";

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

test("[security] each page's scripts carry the nonce of its own policy, fresh on every answer, cached pages included", async ({
  request,
}) => {
  for (const path of pages) {
    const seen = new Set<string>();
    for (let visit = 0; visit < 2; visit++) {
      const response = await request.get(path);
      const policy = response.headers()["content-security-policy"]!;
      const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
      expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      const nonce = /'nonce-([\w-]+)'/.exec(scriptSrc)![1]!;
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]!);
      expect(inline.length, path).toBeGreaterThan(0);
      // Every inline script but React's one hashed shell-time mark carries this answer's nonce.
      const unmarked = inline.filter((attributes) => !attributes.includes(`nonce="${nonce}"`));
      expect(unmarked.length, path).toBeLessThanOrEqual(1);
      seen.add(nonce);
    }
    expect(seen.size, path).toBe(2);
  }
});

test("[security] malformed requests get a 4xx and no stack trace", async ({ baseURL }) => {
  const [member] = await makeMembers(1);
  const headers = {
    "next-action": actionId("createPostAction"),
    accept: "text/x-component",
    origin: baseURL!,
    cookie: member!.cookie,
  };
  const page = `${baseURL}/debates/p2p-and-marxism/the-state`;
  const answers = {
    oversized: await fetch(page, { method: "POST", headers, body: "x".repeat(5 * 1024 * 1024) }),
    garbageMultipart: await fetch(page, {
      method: "POST",
      headers: { ...headers, "content-type": "multipart/form-data; boundary=zzz" },
      body: "--zzz\r\nContent-Disposition: form-da\r\n\r\nnot a part",
    }),
    badJson: await fetch(page, {
      method: "POST",
      headers: { ...headers, "content-type": "text/plain" },
      body: "[{oops",
    }),
    previewBadJson: await fetch(`${baseURL}/api/preview`, {
      method: "POST",
      headers: { origin: baseURL!, "content-type": "application/json", cookie: member!.cookie },
      body: "{oops",
    }),
  };
  expect(answers.oversized.status).toBe(413);
  for (const [name, response] of Object.entries(answers)) {
    expect(response.status, name).toBeGreaterThanOrEqual(400);
    expect(response.status, name).toBeLessThan(500);
    expect(await response.text(), name).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
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
