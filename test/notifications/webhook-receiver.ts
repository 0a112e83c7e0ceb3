// A real webhook receiver on loopback: records every request as it arrived (nothing is
// de-duplicated), verifies its signature with the standardwebhooks library against the
// secret the test gives it, and answers as the test says (a status, a redirect, a large
// body, slowly, or never).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Arrival {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The parsed body when the signature verified against the secret then set; null when it did not. */
  verified: unknown;
  verifyError: string | null;
}

/** How to answer one request: a status (and body, headers), after `delayMs` if given, or `hang` to never answer. */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | "hang";

export interface WebhookReceiver {
  /** http://127.0.0.1:<port> */
  url: string;
  arrivals: Arrival[];
  /** The secret signatures are verified with. */
  secret: string | null;
  /** Decides each answer (default 204); `index` counts every request so far. */
  answer: (index: number, arrival: Arrival) => Answer;
  /** Answers every request left hanging, with `status`. */
  release(status: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hanging: ServerResponse[] = [];
  const receiver: WebhookReceiver = {
    url: "",
    arrivals: [],
    secret: null,
    answer: () => ({ status: 204 }),
    release: (status) => {
      for (const res of hanging.splice(0)) res.writeHead(status).end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const arrival: Arrival = { path: req.url ?? "", headers: req.headers, body, verified: null, verifyError: null };
      try {
        arrival.verified = new Webhook(receiver.secret ?? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").verify(body, req.headers as Record<string, string>);
      } catch (error) {
        arrival.verifyError = error instanceof Error ? error.message : String(error);
      }
      const answer = receiver.answer(receiver.arrivals.length, arrival);
      receiver.arrivals.push(arrival);
      if (answer === "hang") return void hanging.push(res);
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
