// Sign-in mail: through SMTP when configured, otherwise printed on the console so
// a fresh install (or a developer) can still sign in.
import { createTransport } from "nodemailer";
import type { Mailbox } from "../domain/mailbox.js";
import { escapeMarkup } from "../domain/markup.js";
import { SIGN_IN_LINK_TTL_MS } from "./tokens.js";

export interface Mailer {
  /** Only to a parsed mailbox: nodemailer would read a string as an address list. */
  sendSignInLink(to: Mailbox, link: string, pageTitle: string): Promise<void>;
  /** Releases the SMTP connection, if any. */
  close(): void;
}

export interface MailerOptions {
  /** e.g. `smtps://user:pass@mail.example.com` or `smtp://127.0.0.1:2525/?ignoreTLS=true` (nodemailer URL options). */
  smtpUrl?: string | null;
  /** The sender, e.g. `Status <status@example.com>`; required with smtpUrl. */
  from?: string | null;
  log: (message: string) => void;
}

export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) return consoleMailer(options.log);
  if (!options.from) {
    // Many relays reject mail from unknown senders; failing at start beats failing per sign-in.
    throw new Error("MAIL_FROM must be set when SMTP_URL is (the sender address of sign-in mail)");
  }
  const transport = createTransport(options.smtpUrl);
  const from = options.from;
  return {
    async sendSignInLink(to, link, pageTitle) {
      await transport.sendMail({ from, to: { name: "", address: to.address }, ...signInMessage(link, pageTitle) });
    },
    close: () => transport.close(),
  };
}

/** The mailer configured by SMTP_URL and MAIL_FROM. */
export function createMailerFromEnv(
  env: Record<string, string | undefined> = process.env,
  log: (message: string) => void = console.log,
): Mailer {
  return createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log });
}

function consoleMailer(log: (message: string) => void): Mailer {
  return {
    async sendSignInLink(to, link, pageTitle) {
      log(
        `[statusgraph] SMTP_URL is not set, so no email was sent. ` +
          `Sign-in link for ${to.address} on "${pageTitle}" (open it to sign in; it works once): ${link}`,
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

export function signInMessage(link: string, pageTitle: string): MailContent {
  const minutes = Math.round(SIGN_IN_LINK_TTL_MS / 60_000);
  const lines = [
    `Someone, hopefully you, asked to sign in to the ${pageTitle} status page.`,
    `This link signs you in. It works once and expires in ${minutes} minutes.`,
    `If you did not ask for it, ignore this email; nobody can sign in without the link.`,
  ];
  const text = `${lines[0]}\n\n${lines[1]}\n\n${link}\n\n${lines[2]}\n`;
  const html =
    `<p>${escapeMarkup(lines[0]!)}</p>\n<p>${escapeMarkup(lines[1]!)}</p>\n` +
    `<p><a href="${escapeMarkup(link)}">Sign in to ${escapeMarkup(pageTitle)}</a></p>\n<p>${escapeMarkup(lines[2]!)}</p>\n`;
  return { subject: `Sign in to ${pageTitle}`, text, html };
}
