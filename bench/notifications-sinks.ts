// The notifications row's receivers, in a process of their own so that their work does
// not delay the bench's own requests: an SMTP server and an HTTP webhook receiver on
// loopback that accept everything, counting messages per address and per webhook-id.
// Run with `node --import tsx bench/notifications-sinks.ts`; see notifications-protocol.ts.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { FromSinks, ToSinks } from "./notifications-protocol.js";
import { clock } from "./read-protocol.js";

const emails = { count: 0, distinct: new Set<string>() };
const hooks = { count: 0, distinct: new Set<string>() };
let lastAt = 0;
let expected: Extract<ToSinks, { type: "expect" }> | null = null;
const send = (message: FromSinks) => process.send!(message);

function received() {
  lastAt = clock();
  if (!expected || emails.distinct.size < expected.emails || hooks.distinct.size < expected.webhooks) return;
  expected = null;
  send({ type: "done", emails: emails.count, distinctEmails: emails.distinct.size, webhooks: hooks.count, distinctWebhooks: hooks.distinct.size, lastAt });
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      for (const r of session.envelope.rcptTo) emails.distinct.add(r.address);
      emails.count += 1;
      callback();
      received();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));

const http = createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    hooks.distinct.add(String(req.headers["webhook-id"]));
    hooks.count += 1;
    res.writeHead(204).end();
    received();
  });
});
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));

process.on("message", (message: ToSinks) => {
  if (message.type === "expect") {
    expected = message;
    received();
  } else {
    http.closeAllConnections();
    http.close();
    smtp.close(() => process.exit(0));
  }
});
const smtpPort = (smtp.server.address() as AddressInfo).port;
const httpPort = (http.address() as AddressInfo).port;
// Pooled connections, as an operator sending this much mail would configure SMTP_URL.
send({ type: "ready", smtpUrl: `smtp://127.0.0.1:${smtpPort}/?ignoreTLS=true&pool=true&maxConnections=8`, webhookUrl: `http://127.0.0.1:${httpPort}` });
