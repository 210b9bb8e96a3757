import "server-only";
import { describeSynthesis, PROPOSAL_DECIDED, SYNTHESIS_CHANGED } from "../notifications/synthesis-detail";

// What the emails say: plain text and a simple HTML twin, every member-supplied string escaped.

/** A notification with what an email needs to name it (server/email/load-notifications.ts). */
export type MailItem = {
  kind: string;
  actorName: string | null;
  debateTitle: string | null;
  subheadingTitle: string | null;
  /** The post's absolute permalink (or the place moderators acted on); null when there is none. */
  url: string | null;
  /** A line under the sentence: a moderator's reason, or where a post was moved to. */
  detail: string | null;
  /** The start of the post, as plain text. */
  excerpt: string | null;
  /** A synthesis notification's own detail (server/notifications/synthesis-detail.ts). */
  synthesisDetail?: string | null;
};

export type Email = { subject: string; text: string; html: string };
export type EmailLinks = { unsubscribeUrl: string; settingsUrl: string; notificationsUrl: string };

const SITE = "Debate Commons";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One line, no control characters, bounded: for subjects and list items. */
function oneLine(text: string, max = 180): string {
  const line = text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const quoted = (title: string | null) => (title ? ` in “${title}”` : "");

/** What happened, as a sentence without its full stop: "Ana replied to you in “The state”". */
export function describeItem(item: MailItem): string {
  const who = item.actorName ?? "Someone";
  switch (item.kind) {
    case "reply":
      return `${who} replied to you${quoted(item.debateTitle)}`;
    case "quote":
      return `${who} quoted you${quoted(item.debateTitle)}`;
    case "mention":
      return `${who} mentioned you${quoted(item.debateTitle)}`;
    case "followed":
      return item.subheadingTitle
        ? `${who} posted under “${item.subheadingTitle}”${quoted(item.debateTitle)}`
        : `${who} posted${quoted(item.debateTitle)}`;
    case "post_hidden":
      return `A moderator hid your post${quoted(item.debateTitle)}`;
    case "post_restored":
      return `A moderator restored your post${quoted(item.debateTitle)}`;
    case "post_moved":
      return `A moderator moved your post${quoted(item.debateTitle)}`;
    case "suspended":
      return "A moderator suspended your account";
    case "banned":
      return "A moderator banned your account";
    case SYNTHESIS_CHANGED:
    case PROPOSAL_DECIDED.accepted:
    case PROPOSAL_DECIDED.rejected: {
      const place = item.subheadingTitle
        ? `“${item.subheadingTitle}”${quoted(item.debateTitle)}`
        : `“${item.debateTitle ?? "a debate"}”`;
      return describeSynthesis(item.kind, who, place, item.synthesisDetail ?? null);
    }
    default:
      return `Something new for you${quoted(item.debateTitle)}`;
  }
}

function footer(why: string, links: EmailLinks): { text: string; html: string } {
  return {
    text: [
      "--",
      `You get this email because you chose “${why}” on ${SITE}.`,
      `Change your email settings: ${links.settingsUrl}`,
      `Unsubscribe from all email: ${links.unsubscribeUrl}`,
    ].join("\n"),
    html:
      `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">` +
      `<p style="font-size:12px;color:#666">You get this email because you chose “${escapeHtml(why)}” on ${SITE}. ` +
      `<a href="${escapeHtml(links.settingsUrl)}">Change your email settings</a> · ` +
      `<a href="${escapeHtml(links.unsubscribeUrl)}">Unsubscribe from all email</a></p>`,
  };
}

const page = (body: string) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1917;max-width:600px">${body}</body></html>`;

/** The email of one notification ("each"). */
export function notificationEmail(item: MailItem, links: EmailLinks): Email {
  const sentence = oneLine(describeItem(item), 200);
  const detail = item.detail;
  const end = footer("An email for each reply or mention", links);
  const text = [
    `${sentence}.`,
    ...(detail ? ["", detail] : []),
    ...(item.excerpt ? ["", ...item.excerpt.split("\n").map((line) => `> ${line}`)] : []),
    ...(item.url ? ["", `Open it: ${item.url}`] : []),
    "",
    end.text,
  ].join("\n");
  const html = page(
    `<p>${escapeHtml(sentence)}.</p>` +
      (detail ? `<p>${escapeHtml(detail)}</p>` : "") +
      (item.excerpt
        ? `<blockquote style="margin:0;padding-left:12px;border-left:3px solid #ddd;color:#444">${escapeHtml(item.excerpt)}</blockquote>`
        : "") +
      (item.url ? `<p><a href="${escapeHtml(item.url)}">Open it on ${SITE}</a></p>` : "") +
      end.html,
  );
  return { subject: sentence, text, html };
}

/** The daily digest: `items` (newest first, already bounded) of `total`, with a link to the rest. */
export function digestEmail(items: MailItem[], total: number, links: EmailLinks): Email {
  const more = total - items.length;
  const subject = `${SITE}: ${total === 1 ? "1 new notification" : `${total} new notifications`} since your last digest`;
  const lines = items.map((item) => {
    const sentence = oneLine(describeItem(item));
    return { sentence, url: item.url, detail: item.detail };
  });
  const end = footer("A daily digest of what I follow", links);
  const text = [
    `What happened on ${SITE} since your last digest:`,
    "",
    ...lines.flatMap((l) => [
      `- ${l.sentence}.${l.detail ? ` ${oneLine(l.detail)}` : ""}`,
      ...(l.url ? [`  ${l.url}`] : []),
    ]),
    ...(more > 0 ? ["", `And ${more} more: ${links.notificationsUrl}`] : []),
    "",
    `All your notifications: ${links.notificationsUrl}`,
    "",
    end.text,
  ].join("\n");
  const html = page(
    `<p>What happened on ${SITE} since your last digest:</p><ul>` +
      lines
        .map(
          (l) =>
            `<li>${l.url ? `<a href="${escapeHtml(l.url)}">${escapeHtml(l.sentence)}</a>` : escapeHtml(l.sentence)}.` +
            `${l.detail ? ` ${escapeHtml(oneLine(l.detail))}` : ""}</li>`,
        )
        .join("") +
      `</ul>` +
      (more > 0 ? `<p><a href="${escapeHtml(links.notificationsUrl)}">And ${more} more</a></p>` : "") +
      `<p><a href="${escapeHtml(links.notificationsUrl)}">All your notifications</a></p>` +
      end.html,
  );
  return { subject, text, html };
}
