// The chat formats of a webhook event: Slack's incoming-webhook message (blocks and a
// complete text fallback for Slack-compatible receivers) and Teams' Adaptive Card.
// Operator text cannot ping a channel, forge a link or break the message, and long
// messages are cut to each format's limits.
import { describe, expect, it } from "vitest";
import { webhookBody, webhookEventSchema, type WebhookEvent } from "../../server/notifications/payloads/index.js";
import { SLACK_LIMITS } from "../../server/notifications/payloads/slack.js";
import { TEAMS_MAX_BYTES } from "../../server/notifications/payloads/teams.js";

const page = { id: "p1", slug: "acme", title: "Acme", url: "https://status.example.com/acme" };

function incident(fields: { name?: string; message?: string; componentName?: string } = {}): WebhookEvent {
  const event: WebhookEvent = {
    type: "incident.created",
    schemaVersion: "2026-12-01",
    id: "e1",
    timestamp: "2030-05-01T09:00:00.000Z",
    page,
    incident: {
      id: "i1",
      name: fields.name ?? "API errors",
      status: "INVESTIGATING",
      message: fields.message ?? "We are **looking** into it. See [the runbook](https://example.com/run?a=1&b=2).",
      impacts: [{ componentId: "c1", componentName: fields.componentName ?? "API", impact: "PARTIAL_OUTAGE" }],
      publishedAt: "2030-05-01T09:00:00.000Z",
      url: page.url,
    },
    components: [{ id: "c1", name: fields.componentName ?? "API", from: "OPERATIONAL", to: "PARTIAL_OUTAGE" }],
  };
  return webhookEventSchema.parse(event);
}

const maintenance: WebhookEvent = {
  type: "maintenance.scheduled",
  schemaVersion: "2026-12-01",
  id: "e2",
  timestamp: "2030-05-01T09:00:00.000Z",
  page,
  maintenance: {
    id: "m1",
    name: "Database upgrade",
    status: "SCHEDULED",
    message: "Short read-only period.",
    impacts: [{ componentId: "c1", componentName: "API", impact: "UNDER_MAINTENANCE" }],
    startsAt: "2030-05-02T10:00:00.000Z",
    endsAt: "2030-05-02T11:00:00.000Z",
    publishedAt: "2030-05-01T09:00:00.000Z",
    url: page.url,
  },
  components: [],
};

interface SlackBody {
  text: string;
  blocks: { type: string; text?: { type: string; text: string }; elements?: { type: string; url: string; text: { text: string } }[] }[];
}
const slack = (event: WebhookEvent) => webhookBody("SLACK", event) as SlackBody;
const sectionTexts = (body: SlackBody) => body.blocks.filter((b) => b.type === "section").map((b) => b.text!.text);

interface TeamsBody {
  type: string;
  attachments: { contentType: string; content: { type: string; version: string; body: Record<string, unknown>[]; actions: { type: string; url: string }[] } }[];
}
const teams = (event: WebhookEvent) => webhookBody("TEAMS", event) as TeamsBody;
const cardTexts = (body: TeamsBody) =>
  body.attachments[0]!.content.body.flatMap((b) =>
    b.type === "TextBlock" ? [b.text as string] : ((b.facts as { title: string; value: string }[]) ?? []).flatMap((f) => [f.title, f.value]),
  );

describe("JSON format", () => {
  it("is the event itself", () => {
    const event = incident();
    expect(webhookBody("JSON", event)).toBe(event);
  });
});

describe("Slack format", () => {
  it("has a header, status, the message in mrkdwn, affected components and a link button, and a text fallback saying the same", () => {
    const body = slack(incident());
    expect(body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Acme: Incident: API errors", emoji: false } });
    expect(sectionTexts(body)).toEqual([
      "*Status:* Investigating",
      "We are *looking* into it. See <https://example.com/run?a=1&b=2|the runbook>.",
      "*Affected components:*\n• API: Partial outage",
    ]);
    expect(body.blocks.at(-1)).toMatchObject({ type: "actions", elements: [{ type: "button", url: page.url, text: { text: "View status page" } }] });
    for (const part of ["Incident: API errors", "Investigating", "*looking*", "• API: Partial outage", `<${page.url}|View the Acme status page>`]) {
      expect(body.text).toContain(part);
    }
  });

  it("shows a maintenance window", () => {
    expect(sectionTexts(slack(maintenance))[0]).toBe("*Status:* Scheduled\n*Window:* 2030-05-02T10:00:00.000Z to 2030-05-02T11:00:00.000Z");
  });

  it("escapes mentions, forged links and entities in every operator text, and breaks up bare @channel", () => {
    const hostile = incident({
      name: "<!channel> down",
      message: "Hi <!here> <@U123> <https://evil.example|your bank> & @channel [x](javascript:alert(1)) [ok](https://ok.example/a|b)",
      componentName: "<!everyone>",
    });
    const body = slack(hostile);
    const all = [body.text, ...sectionTexts(body)].join("\n");
    expect(all).not.toMatch(/<!|<@|<https:\/\/evil/);
    expect(sectionTexts(body)[1]).toBe(
      "Hi &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|your bank&gt; &amp; @\u2060channel [x](javascript:alert(1)) <https://ok.example/a%7Cb|ok>",
    );
    expect(all).toContain("&lt;!everyone&gt;: Partial outage");
    expect(all).toContain("&lt;!channel&gt; down");
    // The header is plain text: Slack shows it as written.
    expect(body.blocks[0]!.text!.text).toBe("Acme: Incident: <!channel> down");
  });

  it("cuts long names and messages to Slack's limits without leaving half an entity", () => {
    const body = slack(incident({ name: "N".repeat(400), message: "&".repeat(10_000) }));
    expect(body.blocks[0]!.text!.text).toHaveLength(SLACK_LIMITS.header);
    for (const text of sectionTexts(body)) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.section);
    expect(sectionTexts(body)[1]).toMatch(/^(&amp;)+…$/);
    expect(body.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    // The fallback keeps the link whole: Slack-compatible receivers show only it.
    expect(body.text).toContain(`<${page.url}|View the Acme status page>`);
    expect(body.text).toMatch(/(&amp;)+…/);
  });
});

describe("Teams format", () => {
  it("is one Adaptive Card attachment with the title, status, message, components and a link", () => {
    const body = teams(incident());
    expect(body.type).toBe("message");
    expect(body.attachments).toHaveLength(1);
    const { contentType, content } = body.attachments[0]!;
    expect(contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(content).toMatchObject({ type: "AdaptiveCard", version: "1.4", actions: [{ type: "Action.OpenUrl", url: page.url }] });
    expect(cardTexts(body)).toEqual([
      "Acme",
      "Incident: API errors",
      "Status",
      "Investigating",
      "We are **looking** into it. See [the runbook](https://example.com/run?a=1&amp;b=2).",
      "**Affected components**",
      "API",
      "Partial outage",
    ]);
  });

  it("shows names as written, and keeps a message's links to http(s), without images or HTML", () => {
    const body = teams(
      incident({
        name: "**Bold** [click](https://evil.example)",
        message: '<at>General</at> ![pixel](https://track.example/p.gif) [run](javascript:alert(1)) [ok](https://ok.example) <img src="x">',
        componentName: "_api_",
      }),
    );
    const texts = cardTexts(body);
    expect(texts[1]).toBe("Incident: \\*\\*Bold\\*\\* \\[click\\](https://evil.example)");
    expect(texts[4]).toBe('&lt;at>General&lt;/at> pixel run [ok](https://ok.example) &lt;img src="x">');
    expect(texts).toContain("\\_api\\_");
  });

  it("stays under Teams' message size whatever the message's length, cutting only the message", () => {
    const body = teams(incident({ message: "é".repeat(60_000) }));
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const texts = cardTexts(body);
    expect(texts[4]).toMatch(/^é+…$/);
    expect(texts[4]!.length).toBeGreaterThan(5_000);
    expect(texts.at(-1)).toBe("Partial outage");
  });
});
