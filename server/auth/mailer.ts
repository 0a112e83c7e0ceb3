// Sign-in mail: through SMTP when configured, otherwise logged so a fresh install
// (or a developer) can still sign in. Never in production: logs travel and are kept,
// and a logged link is a session for whoever reads it.
import { createTransport } from "nodemailer";
import type { Mailbox } from "../domain/mailbox.js";
import { escapeMarkup } from "../domain/markup.js";
import { defaultLogger, type Logger } from "../logger.js";
import { SIGN_IN_LINK_TTL_MS } from "./tokens.js";

export interface Mailer {
  /** Only to a parsed mailbox: nodemailer would read a string as an address list. */
  sendSignInLink(to: Mailbox, link: string, pageTitle: string, destination?: string): Promise<void>;
  /** Releases the SMTP connection, if any. */
  close(): void;
}

export interface MailerOptions {
  /** e.g. `smtps://user:pass@mail.example.com` or `smtp://127.0.0.1:2525/?ignoreTLS=true` (nodemailer URL options). */
  smtpUrl?: string | null;
  /** The sender, e.g. `Status <status@example.com>`; required with smtpUrl. */
  from?: string | null;
  /** Where links go without SMTP; default the service's logger. */
  log?: Logger;
  /** NODE_ENV=production: without SMTP, only that a link was asked for is logged, not the link. */
  production?: boolean;
}

export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) return logMailer(options.log ?? defaultLogger(), options.production ?? false);
  if (!options.from) {
    // Many relays reject mail from unknown senders; failing at start beats failing per sign-in.
    throw new Error("MAIL_FROM must be set when SMTP_URL is (the sender address of sign-in mail)");
  }
  const transport = createTransport(options.smtpUrl);
  const from = options.from;
  return {
    async sendSignInLink(to, link, pageTitle, destination) {
      await transport.sendMail({ from, to: { name: "", address: to.address }, ...signInMessage(link, pageTitle, destination) });
    },
    close: () => transport.close(),
  };
}

/** The mailer configured by SMTP_URL and MAIL_FROM (and NODE_ENV). */
export function createMailerFromEnv(env: Record<string, string | undefined>, log: Logger): Mailer {
  return createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log, production: env.NODE_ENV === "production" });
}

function logMailer(log: Logger, production: boolean): Mailer {
  if (production) log.warn("SMTP_URL is not set: viewers of customer pages cannot be sent sign-in links");
  return {
    async sendSignInLink(to, link, pageTitle) {
      if (production) {
        log.warn({ page: pageTitle }, "SMTP_URL is not set: a sign-in link was asked for, and not sent (links are never logged in production)");
        return;
      }
      // In a field of its own: messages are scrubbed of tokens, and this one is the point.
      log.info(
        { page: pageTitle, link },
        `SMTP_URL is not set, so no email was sent. Sign-in link for ${to.address} on "${pageTitle}" (open it to sign in; it works once):`,
      );
    },
    close() {},
  };
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** `destination` names where the link leads when it is not a status page (e.g. the operator console). */
export function signInMessage(link: string, pageTitle: string, destination = `the ${pageTitle} status page`): MailContent {
  const minutes = Math.round(SIGN_IN_LINK_TTL_MS / 60_000);
  const lines = [
    `Someone, hopefully you, asked to sign in to ${destination}.`,
    `This link signs you in. It works once and expires in ${minutes} minutes.`,
    `If you did not ask for it, ignore this email; nobody can sign in without the link.`,
  ];
  const text = `${lines[0]}\n\n${lines[1]}\n\n${link}\n\n${lines[2]}\n`;
  const html =
    `<p>${escapeMarkup(lines[0]!)}</p>\n<p>${escapeMarkup(lines[1]!)}</p>\n` +
    `<p><a href="${escapeMarkup(link)}">Sign in to ${escapeMarkup(pageTitle)}</a></p>\n<p>${escapeMarkup(lines[2]!)}</p>\n`;
  return { subject: `Sign in to ${pageTitle}`, text, html };
}
