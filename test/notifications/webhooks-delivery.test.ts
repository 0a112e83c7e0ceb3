// Webhook deliveries end to end, to a real receiver on loopback that verifies each
// signature with the standardwebhooks library: the event's body and headers, sub-page
// and event-type scoping, the preview's counts, re-keying, and the delivery log.
import { describe, expect, it } from "vitest";
import type { World } from "../auth/world.js";
import { testClock } from "../helpers/app.js";
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { useWebhookWorld, type WebhookWorld } from "./webhook-world.js";

/** The preview counts a publish answers with. */
type PreviewAnswer = { publishIncident: { preview: boolean; notifiedSubscribers: number; notifiedWebhookEndpoints: number } };
/** An attempt in an endpoint's delivery log. */
type Attempt = { attempt: number; status: string; responseCode: number | null; error: string | null; webhookId: string; durationMs: number };
/** Endpoints with their delivery log, as LOG reads them. */
type LogAnswer = {
  webhookEndpoints: {
    lastDelivery: { status: string; attempt: number } | null;
    deliveries: { edges: { node: Attempt }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  }[];
};

const PREVIEW = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) {
  ... on IncidentPublication { preview notifiedSubscribers notifiedWebhookEndpoints } } }`;
const LOG = `query ($pageId: ID!, $first: Int, $after: String) { webhookEndpoints(pageId: $pageId) {
  id lastDelivery { status attempt }
  deliveries(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { webhookId attempt status responseCode durationMs error at } } } } }`;

const clock = testClock("2030-06-01T09:00:00Z");
let world: WebhookWorld;
let w: World;
let receiver: WebhookReceiver;

/** An endpoint as `input` says (`url`: a path on the receiver, /hook by default). */
const endpoint = ({ url, ...input }: Record<string, unknown>) => world.endpoint({ ...input, path: (url as string | undefined) ?? "/hook" });

useWebhookWorld({ now: clock.now }, (started) => {
  world = started;
  ({ w, receiver } = world);
});

describe("webhook delivery", () => {
  it("POSTs the event signed with the endpoint's secret, webhook-id being the delivery's idempotency id", async () => {
    const { secret } = await endpoint({ pageId: w.ids.publicPage });
    receiver.secret = secret;
    const incidentId = await publishIncident(w.t, w.ids.publicPage, [{ componentId: w.ids["Public Search"]!, impact: "FULL_OUTAGE" }], { name: "Search down" });
    expect(await w.t.app.notifications.tick()).toBe(1);
    expect(receiver.arrivals).toHaveLength(1);
    const [arrival] = receiver.arrivals;
    expect(arrival!.verifyError).toBeNull();
    const delivery = await w.t.app.database.db.notificationDelivery.findFirstOrThrow({ where: { recipientKind: "WEBHOOK" } });
    expect(arrival!.headers["webhook-id"]).toBe(delivery.idempotencyId);
    expect(arrival!.headers["content-type"]).toBe("application/json");
    expect(Number(arrival!.headers["webhook-timestamp"])).toBeGreaterThan(0);
    const event = await w.t.app.database.db.notificationEvent.findUniqueOrThrow({ where: { id: delivery.eventId } });
    expect(arrival!.verified).toMatchObject({
      type: "incident.created",
      schemaVersion: "2026-12-01",
      id: event.id,
      timestamp: "2030-06-01T09:00:00.000Z",
      page: { id: w.ids.publicPage, slug: "public", title: "Public status" },
      incident: {
        id: incidentId,
        name: "Search down",
        status: "INVESTIGATING",
        impacts: [{ componentId: w.ids["Public Search"], componentName: "Public Search", impact: "FULL_OUTAGE" }],
      },
      components: [{ id: w.ids["Public Search"], name: "Public Search", from: "OPERATIONAL", to: "FULL_OUTAGE" }],
    });
    expect(arrival!.verified).not.toHaveProperty("subPage");
    expect(delivery.status).toBe("SENT");
  });

  it("tells a sub-page's endpoint only of what affects its components, and honours the chosen event types", async () => {
    const acorn = await endpoint({ pageId: w.ids.customerPage, subPageId: w.ids.subA, url: "/acorn" });
    await endpoint({ pageId: w.ids.customerPage, url: "/all" });
    await endpoint({ pageId: w.ids.customerPage, url: "/maintenance-only", events: ["MAINTENANCE"] });
    receiver.secret = acorn.secret;
    await publishIncident(w.t, w.ids.customerPage, [{ componentId: w.ids["Bravo Billing"]!, impact: "PARTIAL_OUTAGE" }], { name: "Birch only" });
    await publishIncident(w.t, w.ids.customerPage, [{ componentId: w.ids["Alpha API"]!, impact: "PARTIAL_OUTAGE" }], { name: "Acorn only" });
    const window = { startsAt: "2030-07-01T10:00:00Z", endsAt: "2030-07-01T11:00:00Z" };
    await scheduleMaintenance(w.t, w.ids.customerPage, window, [{ componentId: w.ids["Bravo Ledger"]!, impact: "UNDER_MAINTENANCE" }], { name: "Ledger work" });
    await w.t.app.notifications.tick();
    const heard = (path: string) =>
      receiver.arrivals.filter((a) => a.path === path).map((a) => JSON.parse(a.body) as { type: string; incident?: { name: string } });
    expect(heard("/acorn").map((e) => e.incident?.name)).toEqual(["Acorn only"]);
    expect(receiver.arrivals.find((a) => a.path === "/acorn")!.verifyError).toBeNull();
    expect(
      heard("/all")
        .map((e) => e.type)
        .sort(),
    ).toEqual(["incident.created", "incident.created", "maintenance.scheduled"]);
    expect(heard("/maintenance-only").map((e) => e.type)).toEqual(["maintenance.scheduled"]);
    expect(heard("/acorn")[0]).toMatchObject({ subPage: { slug: "acorn-corp", name: "Acorn Corp" } });
  });

  it("counts the endpoints a publish would notify in its preview, none with notifySubscribers off, and delivers nothing for a preview", async () => {
    await endpoint({ pageId: w.ids.publicPage, url: "/one" });
    await endpoint({ pageId: w.ids.publicPage, url: "/two" });
    const off = await endpoint({ pageId: w.ids.publicPage, url: "/off" });
    await w.t.ok(`mutation ($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { __typename } }`, { id: off.id });
    const input = { pageId: w.ids.publicPage, name: "Preview", status: "INVESTIGATING", message: "Looking", impacts: [], preview: true };
    const { publishIncident: preview } = await w.t.ok<PreviewAnswer>(PREVIEW, { input });
    expect(preview).toEqual({ preview: true, notifiedSubscribers: 0, notifiedWebhookEndpoints: 2 });
    const { publishIncident: quiet } = await w.t.ok<PreviewAnswer>(PREVIEW, { input: { ...input, notifySubscribers: false } });
    expect(quiet.notifiedWebhookEndpoints).toBe(0);
    expect(await w.t.app.notifications.tick()).toBe(0);
    expect(receiver.arrivals).toEqual([]);
  });

  it("signs with the new secret once rotated", async () => {
    const { id, secret } = await endpoint({ pageId: w.ids.publicPage });
    const { rotateWebhookSecret } = await w.t.ok<{ rotateWebhookSecret: { secret: string } }>(
      `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { ... on WebhookEndpointWithSecret { secret } } }`,
      {
        id,
      },
    );
    receiver.secret = secret;
    await publishIncident(w.t, w.ids.publicPage, [], { name: "After rotation" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals[0]!.verifyError).not.toBeNull();
    receiver.secret = rotateWebhookSecret.secret;
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Verified" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals[1]!.verifyError).toBeNull();
  });

  it("logs every attempt per endpoint, newest first, paged, for editors only", async () => {
    await endpoint({ pageId: w.ids.publicPage });
    receiver.answer = (index) => ({ status: index === 0 ? 503 : 200 });
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Logged" });
    await w.t.app.notifications.tick();
    clock.advance(60_000);
    await w.t.app.notifications.tick();
    receiver.answer = () => ({ status: 204 });
    expect(receiver.arrivals).toHaveLength(2);
    const first = await w.t.ok<LogAnswer>(LOG, { pageId: w.ids.publicPage, first: 1 });
    const log = first.webhookEndpoints[0]!;
    expect(log.lastDelivery).toEqual({ status: "SENT", attempt: 2 });
    expect(log.deliveries.edges).toHaveLength(1);
    expect(log.deliveries.edges[0]!.node).toMatchObject({ attempt: 2, status: "SENT", responseCode: 200, error: null });
    expect(log.deliveries.pageInfo.hasNextPage).toBe(true);
    const second = await w.t.ok<LogAnswer>(LOG, { pageId: w.ids.publicPage, first: 5, after: log.deliveries.pageInfo.endCursor });
    const older = second.webhookEndpoints[0]!.deliveries.edges.map((e) => e.node);
    expect(older).toEqual([expect.objectContaining({ attempt: 1, status: "FAILED", responseCode: 503, error: "HTTP 503" })]);
    expect(older[0]!.webhookId).toBe(log.deliveries.edges[0]!.node.webhookId);
    expect(older[0]!.durationMs).toBeGreaterThanOrEqual(0);
    for (const as of [w.as.publish, w.as.read])
      expect((await w.t.gql<LogAnswer>(LOG, { pageId: w.ids.publicPage }, as)).data?.webhookEndpoints ?? null).toBeNull();
  });
});
