// The notifications row of `npm run bench`: one incident published to a page with
// thousands of confirmed email subscribers and a few hundred webhook endpoints,
// delivered to an SMTP sink and a webhook receiver that accept everything (in a process
// of their own, notifications-sinks.ts, so that their work does not delay this one's timing). It times the publish against the same publish on a page with no
// subscribers, and the delivery until the sinks have the last message, while the
// app's process samples its memory.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FromNotificationsServer, FromSinks, NotificationFigures } from "./notifications-protocol.js";
import { child, clock, next } from "./read-protocol.js";
import { median } from "./read-report.js";
import { json } from "./read-scenarios.js";

const PUBLISH = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { __typename ... on IncidentPublication { incident { id } } ... on Error { message } } }`;

/** The pause between the publishes made while delivering: a few dozen spread over the whole delivery. */
const DURING_GAP_MS = 250;

export interface NotificationOptions {
  emailSubscribers: number;
  /** Webhook endpoints on the same page (default 200), all at the receiver. */
  webhookEndpoints?: number;
  /** Publishes on the page without subscribers before the delivery (the baseline). */
  samples: number;
}

export async function measureNotifications(options: NotificationOptions, track: <C extends ReturnType<typeof child>>(c: C) => C): Promise<NotificationFigures> {
  const endpoints = options.webhookEndpoints ?? 200;
  const sinks = track(child("notifications-sinks.ts"));
  const { smtpUrl, webhookUrl } = await next<FromSinks, "ready">(sinks, "ready");
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const server = track(
    child(
      "notifications-server.ts",
      [databaseUrl, smtpUrl, String(options.emailSubscribers), webhookUrl, String(endpoints)],
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
  let delivered: FromSinks & { type: "done" } = { type: "done", emails: 0, distinctEmails: 0, webhooks: 0, distinctWebhooks: 0, lastAt: 0 };
  let done = false;
  const all = next<FromSinks, "done">(sinks, "done").then((message) => {
    delivered = message;
    done = true;
  });
  sinks.send({ type: "expect", emails: options.emailSubscribers, webhooks: endpoints });
  const loaded = await publish(app.loadedPageId);
  // Publishing goes on while the deliveries are sent, one every DURING_GAP_MS from the start to the end: its latency then.
  const during: number[] = [];
  while (!done) {
    during.push((await publish(app.emptyPageId)).ms);
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, DURING_GAP_MS))]);
  }
  await all;
  const lastDeliveryMs = delivered.lastAt - loaded.startedAt;
  const memory = await new Promise<Extract<FromNotificationsServer, { type: "memory" }>>((resolve) => {
    void next<FromNotificationsServer, "memory">(server, "memory").then(resolve);
    server.send({ type: "memory" });
  });
  server.send({ type: "stop" });
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
  sinks.send({ type: "stop" });
  await new Promise((resolve) => (sinks.exitCode === null ? sinks.once("exit", resolve) : resolve(null)));
  return {
    emailSubscribers: options.emailSubscribers,
    webhookEndpoints: endpoints,
    baselinePublishMs: median(baseline),
    baselineSamples: baseline.length,
    loadedPublishMs: loaded.ms,
    duringDeliveryPublishMs: during.length > 0 ? median(during) : Number.NaN,
    duringDeliveryMaxMs: Math.max(...during),
    duringSamples: during.length,
    lastDeliveryMs,
    emails: delivered.distinctEmails,
    repeats: delivered.emails - delivered.distinctEmails + delivered.webhooks - delivered.distinctWebhooks,
    webhookDeliveries: delivered.distinctWebhooks,
    messagesPerSecond: (delivered.emails + delivered.webhooks) / (lastDeliveryMs / 1000),
    peakRssBytes: memory.rss,
    peakHeapBytes: memory.heapUsed,
    baselineRssBytes: memory.baselineRss,
    baselineHeapBytes: memory.baselineHeapUsed,
  };
}
