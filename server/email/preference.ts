import "server-only";
import { asEmailPreference, type EmailPreference, type EmailPreferenceInput } from "@/lib/schemas/email";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { write } from "../write";

/** The member's choice of email (shown only when the site sends email: server/email/transport.ts). */
export async function getEmailPreference(userId: string): Promise<EmailPreference> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailPreference: true } });
  return asEmailPreference(user?.emailPreference ?? "none");
}

/**
 * Stores the member's choice. A new choice starts from now: switching to "each" does not mail the
 * notifications that piled up before (they are marked as dealt with), and a first "digest" covers
 * what comes after the switch. Choosing what is already chosen changes nothing.
 */
export async function setEmailPreference({ actor, preference }: EmailPreferenceInput & { actor: SessionUser }) {
  // Nothing any cached page shows (the account page asks per request): write() touches no tag.
  return write(async ({ tx }) => {
    const now = new Date();
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, emailPreference: { not: preference } },
      data: { emailPreference: preference, ...(preference === "digest" && { digestSentAt: now }) },
    });
    if (count > 0 && preference === "each") {
      await tx.notification.updateMany({ where: { userId: actor.id, emailedAt: null }, data: { emailedAt: now } });
    }
    return { preference };
  });
}

/** What an unsubscribe link does: no more email to this member. False when there is no such member. */
export async function unsubscribe(userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { emailPreference: "none" } });
  return count > 0;
}
