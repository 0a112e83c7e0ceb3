// A real SMTP server in process, and what tests need from the mail it receives.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { vi } from "vitest";
import { createMailer, type Mailer } from "../../server/auth/mailer.js";

export interface Received {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  inbox: Received[];
  mailer: Mailer;
  /** The server's URL, as SMTP_URL would name it. */
  url: string;
  /** Waits until a message to `address` has arrived, and returns the newest. */
  waitForMail(address: string): Promise<Received>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  // The test server's STARTTLS certificate is self-signed; plain SMTP on loopback is enough here.
  const url = `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
  const mailer = createMailer({ smtpUrl: url, from: "Status <status@example.com>" });
  return {
    inbox,
    mailer,
    url,
    waitForMail: (address) =>
      vi.waitFor(
        () => {
          // Mail software may normalize the case of the domain.
          const found = inbox.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase())).at(-1);
          if (!found) throw new Error(`no mail to ${address} yet`);
          return found;
        },
        { timeout: 5000 },
      ),
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}

/** The sign-in link (a viewer's or an operator's) in a message's plain-text part (undoing quoted-printable). */
export function linkIn(message: Received): URL {
  const text = message.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https?:\/\/[^\s"<>]+\/auth\/(?:callback|operator)\?[^\s"<>]+/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return new URL(match[0]);
}
