// Chat endpoints get their platform's message (Slack Block Kit, a Teams Adaptive Card),
// and an event the endpoint no longer hears of by the time it is sent is skipped, not failed.
import { describe, expect, it } from "vitest";
import type { World } from "../auth/world.js";
import { testClock } from "../helpers/app.js";
import { publishIncident } from "../helpers/fixtures.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { useWebhookWorld, type WebhookWorld } from "./webhook-world.js";

const DELETE = `mutation ($id: ID!) { deleteIncident(id: $id) { __typename } }`;

const clock = testClock("2030-06-01T09:00:00Z");
let world: WebhookWorld;
let w: World;
let receiver: WebhookReceiver;

const endpoint = (kind: string, path: string) => world.endpoint({ kind, path });

useWebhookWorld({ now: clock.now }, (started) => {
  world = started;
  ({ w, receiver } = world);
});

describe("webhook formats", () => {
  it("sends a SLACK endpoint a Slack message and a TEAMS endpoint an Adaptive Card", async () => {
    await endpoint("SLACK", "/slack");
    await endpoint("TEAMS", "/teams");
    await publishIncident(w.t, w.ids.publicPage, [{ componentId: w.ids["Public Search"]!, impact: "FULL_OUTAGE" }], { name: "Search down" });
    expect(await w.t.app.notifications.tick()).toBe(2);
    const body = (path: string) => JSON.parse(receiver.arrivals.find((a) => a.path === path)!.body) as Record<string, unknown>;
    const slack = body("/slack") as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(slack.text).toContain("Search down");
    expect(slack.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
    expect(slack.blocks.map((b) => b.type)).toContain("actions");
    expect(slack).not.toHaveProperty("schemaVersion");
    const teams = body("/teams") as {
      type: string;
      attachments: { contentType: string; content: { type: string; version: string; body: { text?: string }[] } }[];
    };
    expect(teams.type).toBe("message");
    expect(teams.attachments).toHaveLength(1);
    expect(teams.attachments[0]).toMatchObject({ contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", version: "1.4" } });
    expect(JSON.stringify(teams.attachments[0]!.content.body)).toContain("Search down");
  });

  it("skips, without a failed attempt, an event whose incident was deleted before it was sent", async () => {
    const hook = await endpoint("JSON", "/json");
    receiver.secret = hook.secret;
    const incidentId = await publishIncident(w.t, w.ids.publicPage, [{ componentId: w.ids["Public Search"]!, impact: "DEGRADED_PERFORMANCE" }], {
      name: "Gone soon",
    });
    await w.t.ok(DELETE, { id: incidentId });
    await w.t.app.notifications.tick();
    const db = w.t.app.database.db;
    const deliveries = await db.notificationDelivery.findMany({ where: { recipientId: hook.id }, include: { event: true } });
    const published = deliveries.find((d) => d.event.kind === "PUBLISHED");
    expect(published).toMatchObject({ status: "SENT", sentAt: null, attempts: 0 });
    expect(published!.lastError).toMatch(/^nothing sent/);
    expect(await db.webhookAttempt.count({ where: { endpointId: hook.id, status: "FAILED" } })).toBe(0);
    expect(receiver.arrivals.map((a) => (JSON.parse(a.body) as { type: string }).type)).not.toContain("incident.created");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).enabled).toBe(true);
  });
});
