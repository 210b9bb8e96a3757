import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { siteOrigin } from "../http/site-url";

/**
 * Whether the site sends email: only with SMTP_URL (and the secret that signs unsubscribe links,
 * which server.mjs always has). Without it no email setting is shown and nothing is sent.
 */
export function emailEnabled(): boolean {
  return !!env.SMTP_URL && !!env.NEXTAUTH_SECRET;
}

/** The sender: MAIL_FROM, else the site's name at its own host. */
export function mailFrom(): string {
  return env.MAIL_FROM ?? `Debate Commons <no-reply@${new URL(siteOrigin()).hostname}>`;
}

let transport: Transporter | null = null;

/**
 * The process's one SMTP transport, or null when email is off. Nodemailer reads every option from
 * the URL: `?pool=true` keeps connections open between messages.
 */
export function mailTransport(): Transporter | null {
  if (!emailEnabled()) return null;
  transport ??= nodemailer.createTransport(env.SMTP_URL!);
  return transport;
}
