import { unsubscribePath } from "@/lib/paths";
import { unsubscribe } from "@/server/email/preference";
import { verifyUnsubscribeToken } from "@/server/email/unsubscribe-token";

// The one-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the
// address in the email's List-Unsubscribe header, from its own servers, so no Origin or session
// comes with it: the signed token in the address is the whole authorization (it can only turn that
// member's email off). The unsubscribe page's button posts here too. A GET never unsubscribes (link
// scanners open every link in an email): it shows the page with its button.

const DONE_PATH = "/email/unsubscribe/done";

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { location: unsubscribePath(token) } });
}

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("from") === "page";
  const token = new URL(request.url).searchParams.get("token") ?? form?.get("token");
  const userId = verifyUnsubscribeToken(token);
  if (!userId) return refused(fromPage);
  // A member deleted since is unsubscribed all the same.
  await unsubscribe(userId);
  if (fromPage) return new Response(null, { status: 303, headers: { location: DONE_PATH } });
  return new Response("Unsubscribed: no more email will be sent to this member.\n", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function refused(fromPage: boolean): Response {
  const message = "This unsubscribe link is not valid, so nothing was changed.";
  if (!fromPage)
    return new Response(`${message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Link not valid · Debate Commons</title></head><body><main>` +
      `<h1>This unsubscribe link is not valid</h1><p>${message} The link may be cut short (copy all of it from the ` +
      `email) or out of date. You can also turn email off in <a href="/account">your account</a>.</p>` +
      `<p><a href="/">Debate Commons</a></p></main></body></html>`,
    { status: 400, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}
