// The world the webhook tests publish in: buildWorld's pages and callers on an injected
// clock, a real receiver on loopback, and (for the tests of failure notices) a real SMTP
// server. The worker has already run once, so what the world published before any
// endpoint existed is delivered to nobody.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { createLogger } from "../../server/logger.js";
import { createMailTransport } from "../../server/notifications/transport.js";
import { startSmtp, type TestSmtp } from "../auth/smtp.js";
import { buildWorld, type World } from "../auth/world.js";
import { newWebhookSecret } from "../../server/services/webhook-endpoints.js";
import type { TestApp } from "../helpers/app.js";
import { killNotifyInstances } from "../helpers/notify-instances.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

/** Creates a webhook endpoint; answers its id and signing secret. */
export const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  ... on WebhookEndpointWithSecret { secret endpoint { id } } } }`;

export interface WebhookWorld {
  w: World;
  receiver: WebhookReceiver;
  /** Null unless asked for with `mail`. */
  smtp: TestSmtp | null;
  /** Creates an endpoint: JSON, on the public page, at the receiver's `/hook`, unless `input` says otherwise (`path` on the receiver, or a whole `url`). */
  endpoint(input?: { path?: string } & Record<string, unknown>): Promise<{ id: string; secret: string }>;
  /** Between tests: no endpoints, no arrivals, the receiver answering 204. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the world; `mail` adds an SMTP server for the mail the app sends, `timeoutMs` bounds each webhook request. */
export async function startWebhookWorld(options: { now: () => Date; mail?: boolean; timeoutMs?: number }): Promise<WebhookWorld> {
  const receiver = await startWebhookReceiver();
  const smtp = options.mail ? await startSmtp() : null;
  const mailTransport = smtp
    ? createMailTransport({ smtpUrl: smtp.url, from: "Status <status@example.com>", log: createLogger({ level: "silent" }) })
    : undefined;
  const webhooks = { allowHttp: true, allowPrivateAddresses: true, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const w = await buildWorld({ now: options.now, mailTransport, webhooks });
  await w.t.app.notifications.tick();
  return {
    w,
    receiver,
    smtp,
    async endpoint({ path = "/hook", ...input } = {}) {
      const { createWebhookEndpoint } = await w.t.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE_ENDPOINT, {
        input: { kind: "JSON", pageId: w.ids.publicPage, url: `${receiver.url}${path}`, ...input },
      });
      return { id: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
    },
    async reset() {
      await w.t.app.database.db.webhookEndpoint.deleteMany();
      receiver.arrivals.length = 0;
      receiver.answer = () => ({ status: 204 });
    },
    async close() {
      await w.t.close();
      await receiver.close();
      await smtp?.close();
    },
  };
}

/**
 * Starts the world before the file's tests (handing it to `started`), resets it before
 * each test and closes it after them all.
 */
export function useWebhookWorld(options: Parameters<typeof startWebhookWorld>[0] & { startTimeoutMs?: number }, started: (world: WebhookWorld) => void): void {
  let world: WebhookWorld | undefined;
  beforeAll(async () => {
    world = await startWebhookWorld(options);
    started(world);
  }, options.startTimeoutMs ?? 60_000);
  afterAll(() => world?.close());
  beforeEach(() => world?.reset());
}

/** The endpoint's disabling is audited as the system's, and mailed to the editors and admins, no one else. */
export async function expectDisabledNotice(world: WebhookWorld, endpointId: string): Promise<void> {
  const entry = await world.w.t.app.database.db.auditEntry.findFirstOrThrow({ where: { operation: "disableWebhookEndpoint", objectId: endpointId } });
  expect(entry).toMatchObject({ actorKind: "system", outcome: "CHANGED" });
  for (const address of ["eddie@ops.example", "ada@ops.example"]) {
    const mail = await world.smtp!.waitForMail(address);
    expect(mail.raw).toContain("Webhook endpoint disabled");
  }
  const mailed = world.smtp!.inbox.flatMap((m) => m.to);
  for (const address of ["vera@ops.example", "pat@ops.example", "gone@ops.example"]) expect(mailed).not.toContain(address);
}

/**
 * For the tests with several worker instances: a receiver and, on PostgreSQL, a Redis
 * server carrying events between the instances. Instances are killed after each test.
 */
export function useInstancesReceiver(started: (receiver: WebhookReceiver, redis: RedisServer | null) => void): void {
  let receiver: WebhookReceiver | undefined;
  let redis: RedisServer | null = null;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    if (process.env.TEST_POSTGRES_URL) redis = await startRedisServer();
    started(receiver, redis);
  });
  afterAll(async () => {
    await receiver?.close();
    await redis?.kill();
  });
  afterEach(() => {
    killNotifyInstances();
    if (!receiver) return;
    receiver.arrivals.length = 0;
    receiver.answer = () => ({ status: 204 });
  });
}

/** `count` JSON endpoints of the page at `<receiver>/<prefix>/e<i>`, sharing a new secret the receiver verifies with, written straight into the table. */
export async function endpointsOn(t: TestApp, receiver: WebhookReceiver, pageId: string, count: number, prefix: string): Promise<void> {
  const now = t.app.now();
  const secret = newWebhookSecret();
  receiver.secret = secret;
  await t.app.database.db.webhookEndpoint.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      pageId,
      url: `${receiver.url}/${prefix}/e${i}`,
      kind: "JSON" as const,
      events: JSON.stringify(["INCIDENT"]),
      secret,
      createdAt: now,
      updatedAt: now,
    })),
  });
}
