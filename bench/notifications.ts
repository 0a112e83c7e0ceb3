// The notifications row of `npm run bench`: one incident published to a page with
// thousands of confirmed email subscribers, delivered to an SMTP sink in this process
// that accepts everything. It times the publish against the same publish on a page
// with no subscribers, and the delivery until the sink has the last message, while
// the app's process samples its memory.
import { mkdtempSync } from "node:fs";
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

export async function measureNotifications(options: NotificationOptions, track: <C extends ReturnType<typeof child>>(c: C) => C): Promise<NotificationFigures> {
  const { sink, url: smtpUrl, close } = await startSink();
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const server = track(
    child(
      "notifications-server.ts",
      [databaseUrl, smtpUrl, String(options.emailSubscribers)],
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
    sink.onMessage = () => sink.recipients.size >= options.emailSubscribers && resolve();
  });
  const loaded = await publish(app.loadedPageId);
  // Publishing goes on while the deliveries are sent: its latency then.
  const during: number[] = [];
  for (let i = 0; i < options.samples && sink.recipients.size < options.emailSubscribers; i++) during.push((await publish(app.emptyPageId)).ms);
  await all;
  const lastDeliveryMs = sink.lastAt - loaded.startedAt;
  const memory = await new Promise<Extract<FromNotificationsServer, { type: "memory" }>>((resolve) => {
    void next<FromNotificationsServer, "memory">(server, "memory").then(resolve);
    server.send({ type: "memory" });
  });
  server.send({ type: "stop" });
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
  await close();
  return {
    emailSubscribers: options.emailSubscribers,
    webhookEndpoints: 0,
    baselinePublishMs: median(baseline),
    baselineSamples: baseline.length,
    loadedPublishMs: loaded.ms,
    duringDeliveryPublishMs: during.length > 0 ? median(during) : Number.NaN,
    lastDeliveryMs,
    emails: sink.recipients.size,
    repeats: sink.count - sink.recipients.size,
    webhookDeliveries: 0,
    messagesPerSecond: sink.count / (lastDeliveryMs / 1000),
    peakRssBytes: memory.rss,
    peakHeapBytes: memory.heapUsed,
    baselineRssBytes: memory.baselineRss,
    baselineHeapBytes: memory.baselineHeapUsed,
  };
}
