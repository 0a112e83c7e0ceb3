// The notifications row of `npm run bench`: one incident published to a page with
// thousands of confirmed email subscribers and a few hundred webhook endpoints,
// delivered to an SMTP sink and a webhook receiver in this process that accept
// everything. It times the publish against the same publish on a page with no
// subscribers, and the delivery until the sinks have the last message, while the
// app's process samples its memory.
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import type { FromNotificationsServer, NotificationFigures } from "./notifications-protocol.js";
import { child, clock, next } from "./read-protocol.js";
import { median } from "./read-report.js";
import { json } from "./read-scenarios.js";

const PUBLISH = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { __typename ... on IncidentPublication { incident { id } } ... on Error { message } } }`;

export interface NotificationOptions {
  emailSubscribers: number;
  /** Webhook endpoints on the same page (default 200), all at the receiver. */
  webhookEndpoints?: number;
  /** Publishes on the page without subscribers, before and during the delivery. */
  samples: number;
}

/** An SMTP server that accepts every message, counting them and noting when the last came. */
async function startSink() {
  const sink = { count: 0, lastAt: 0, recipients: new Set<string>(), onMessage: () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) sink.recipients.add(r.address);
        sink.count += 1;
        sink.lastAt = clock();
        sink.onMessage();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  // Pooled connections, as an operator sending this much mail would configure SMTP_URL.
  const url = `smtp://127.0.0.1:${port}/?ignoreTLS=true&pool=true&maxConnections=8`;
  return { sink, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An HTTP server that answers every webhook 204, counting POSTs and distinct webhook-ids. */
async function startReceiver(onMessage: () => void) {
  const receiver = { count: 0, lastAt: 0, ids: new Set<string>() };
  const server = createServer((req, res) => {
    req.on("data", () => {});
    req.on("end", () => {
      receiver.ids.add(String(req.headers["webhook-id"]));
      receiver.count += 1;
      receiver.lastAt = clock();
      res.writeHead(204).end();
      onMessage();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { receiver, url: `http://127.0.0.1:${port}`, close };
}

export async function measureNotifications(options: NotificationOptions, track: <C extends ReturnType<typeof child>>(c: C) => C): Promise<NotificationFigures> {
  const endpoints = options.webhookEndpoints ?? 200;
  const { sink, url: smtpUrl, close } = await startSink();
  const hooks = await startReceiver(() => sink.onMessage());
  const done = () => sink.recipients.size >= options.emailSubscribers && hooks.receiver.ids.size >= endpoints;
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const server = track(
    child(
      "notifications-server.ts",
      [databaseUrl, smtpUrl, String(options.emailSubscribers), hooks.url, String(endpoints)],
      process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sgprof"] : [],
    ),
  );
  const app = await next<FromNotificationsServer, "ready">(server, "ready");

  let published = 0;
  async function publish(pageId: string): Promise<{ startedAt: number; ms: number }> {
    const input = {
      pageId,
      name: `Bench incident ${++published}`,
      status: "INVESTIGATING",
      message: "We are **looking** into elevated error rates.",
      impacts: [{ componentId: app.componentId, impact: "PARTIAL_OUTAGE" }],
    };
    const startedAt = clock();
    const res = await fetch(app.url, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${app.apiKey}` },
      body: JSON.stringify({ query: PUBLISH, variables: { input } }),
    });
    const body = (await res.json()) as { data?: { publishIncident: { __typename: string } } };
    const ms = clock() - startedAt;
    if (body.data?.publishIncident.__typename !== "IncidentPublication") throw new Error(`publish failed: ${JSON.stringify(body)}`);
    return { startedAt, ms };
  }

  // Warm up both paths, then the baseline: the same publish where nobody is subscribed.
  for (let i = 0; i < 3; i++) await publish(app.emptyPageId);
  const baseline: number[] = [];
  for (let i = 0; i < options.samples; i++) baseline.push((await publish(app.emptyPageId)).ms);

  server.send({ type: "reset" });
  const all = new Promise<void>((resolve) => {
    sink.onMessage = () => done() && resolve();
  });
  const loaded = await publish(app.loadedPageId);
  // Publishing goes on while the deliveries are sent: its latency then.
  const during: number[] = [];
  for (let i = 0; i < options.samples && !done(); i++) during.push((await publish(app.emptyPageId)).ms);
  await all;
  const lastDeliveryMs = Math.max(sink.lastAt, hooks.receiver.lastAt) - loaded.startedAt;
  const memory = await new Promise<Extract<FromNotificationsServer, { type: "memory" }>>((resolve) => {
    void next<FromNotificationsServer, "memory">(server, "memory").then(resolve);
    server.send({ type: "memory" });
  });
  server.send({ type: "stop" });
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
  await close();
  await hooks.close();
  const { receiver } = hooks;
  return {
    emailSubscribers: options.emailSubscribers,
    webhookEndpoints: endpoints,
    baselinePublishMs: median(baseline),
    baselineSamples: baseline.length,
    loadedPublishMs: loaded.ms,
    duringDeliveryPublishMs: during.length > 0 ? median(during) : Number.NaN,
    lastDeliveryMs,
    emails: sink.recipients.size,
    repeats: sink.count - sink.recipients.size + receiver.count - receiver.ids.size,
    webhookDeliveries: receiver.ids.size,
    messagesPerSecond: (sink.count + receiver.count) / (lastDeliveryMs / 1000),
    peakRssBytes: memory.rss,
    peakHeapBytes: memory.heapUsed,
    baselineRssBytes: memory.baselineRss,
    baselineHeapBytes: memory.baselineHeapUsed,
  };
}
