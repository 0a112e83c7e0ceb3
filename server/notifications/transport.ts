// Where notification and confirmation mail goes: the same SMTP settings as sign-in
// mail (SMTP_URL, MAIL_FROM). Without SMTP_URL, outside production, what would have
// been sent is logged so a developer can follow a subscription through.
import { createTransport } from "nodemailer";
import type { Logger } from "../logger.js";

/** One message to one address; `headers` are added as given. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A stable Message-ID (without angle brackets) lets a receiver drop a repeat. */
  messageId?: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  smtpUrl?: string | null;
  from?: string | null;
  log: Logger;
  production?: boolean;
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  if (!options.smtpUrl) return logTransport(options.log, options.production ?? false);
  if (!options.from) throw new Error("MAIL_FROM must be set when SMTP_URL is (the sender address of sign-in mail)");
  const transport = createTransport(options.smtpUrl);
  const from = options.from;
  return {
    async send(mail) {
      const messageId = mail.messageId ? `<${mail.messageId}>` : undefined;
      await transport.sendMail({
        from,
        to: { name: "", address: mail.to },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId,
      });
    },
    close: () => transport.close(),
  };
}

/** The transport configured by SMTP_URL and MAIL_FROM (and NODE_ENV). */
export function mailTransportFromEnv(env: Record<string, string | undefined>, log: Logger): MailTransport {
  return createMailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log, production: env.NODE_ENV === "production" });
}

function logTransport(log: Logger, production: boolean): MailTransport {
  return {
    async send(mail) {
      if (production) throw new Error("SMTP_URL is not set: notification mail cannot be sent");
      // Confirmation links are the point of this line; a developer's log is where they go.
      log.info({ to: mail.to, subject: mail.subject, text: mail.text }, "SMTP_URL is not set, so no email was sent:");
    },
    close() {},
  };
}
