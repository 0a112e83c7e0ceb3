// Webhook endpoints through the API: editors (people or keys) create, change, re-key and
// delete them; the secret is shown on create and rotation only (never in a query nor the
// audit log); a bad URL is refused naming `input.url` and the rule, with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../auth/world.js";
import { createTestApp, testClock, type RequestAs } from "../helpers/app.js";

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  __typename
  ... on WebhookEndpointWithSecret { secret endpoint { id url kind enabled events description subPage { slug } } }
  ... on ValidationError { issues { field rule } } } }`;
const UPDATE = `mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) {
  __typename ... on WebhookEndpoint { id url enabled events description } ... on ValidationError { issues { field rule } } } }`;
const ROTATE = `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointWithSecret { secret endpoint { id } } } }`;
const DELETE = `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { id } ... on NotFoundError { resource } } }`;
const LIST = `query ($pageId: ID!) { webhookEndpoints(pageId: $pageId) { id url enabled lastDelivery { status } } }`;

const clock = testClock("2030-06-01T09:00:00Z");
let w: World;

type Created = { __typename: string; secret: string; endpoint: { id: string; events: string[] }; issues?: { field: string; rule: string }[] };

async function create(input: Record<string, unknown>, as?: RequestAs): Promise<Created> {
  const { data, errors } = await w.t.gql<{ createWebhookEndpoint: Created }>(CREATE, { input }, as);
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createWebhookEndpoint;
}

beforeAll(async () => {
  w = await buildWorld({ now: clock.now, webhooks: { allowHttp: true } });
}, 60_000);
afterAll(() => w?.t.close());

describe("webhook endpoints", () => {
  it("lets an editor key create one, returning its secret once", async () => {
    const made = await create({ pageId: w.ids.publicPage, url: "https://hooks.example.com/in", kind: "JSON", description: "Ops" }, w.as.editor);
    expect(made.__typename).toBe("WebhookEndpointWithSecret");
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(made.endpoint).toMatchObject({ url: "https://hooks.example.com/in", kind: "JSON", enabled: true, description: "Ops" });
    expect(made.endpoint.events).toEqual(["INCIDENT", "MAINTENANCE", "COMPONENT_STATUS"]);
    const { webhookEndpoints } = await w.t.ok<{ webhookEndpoints: { id: string; lastDelivery: null }[] }>(LIST, { pageId: w.ids.publicPage }, w.as.editor);
    expect(webhookEndpoints).toContainEqual({ id: made.endpoint.id, url: "https://hooks.example.com/in", enabled: true, lastDelivery: null });
    // Its audit entry says who made it, and keeps no secret.
    const entry = await w.t.app.database.db.auditEntry.findFirstOrThrow({ where: { operation: "createWebhookEndpoint", objectId: made.endpoint.id } });
    expect(entry).toMatchObject({ actorName: "editor", outcome: "CHANGED" });
    expect(`${entry.before} ${entry.after}`).not.toContain(made.secret);
    expect(`${entry.after}`).not.toContain("whsec_");
  });

  it("lets editors and admins manage endpoints, and nobody below", async () => {
    const input = { pageId: w.ids.publicPage, url: "https://hooks.example.com/roles", kind: "SLACK" };
    for (const as of [w.as.personEditor, w.as.personAdmin, w.as.admin]) expect((await create(input, as)).__typename).toBe("WebhookEndpointWithSecret");
    const before = await w.t.app.database.db.webhookEndpoint.count();
    for (const as of [w.as.publish, w.as.read, w.as.personPublisher, w.as.viewerA, { as: "anonymous" } as const]) {
      const { data, errors } = await w.t.gql<{ createWebhookEndpoint: { __typename: string } }>(CREATE, { input }, as);
      expect(data?.createWebhookEndpoint?.__typename ?? errors?.[0]?.message, JSON.stringify(as)).not.toBe("WebhookEndpointWithSecret");
      const listed = await w.t.gql<{ webhookEndpoints: unknown[] }>(LIST, { pageId: w.ids.publicPage }, as);
      expect(listed.data?.webhookEndpoints ?? null).toBeNull();
    }
    expect(await w.t.app.database.db.webhookEndpoint.count()).toBe(before);
  });

  it("refuses a bad URL naming the field and the rule, writing nothing", async () => {
    const before = await w.t.app.database.db.webhookEndpoint.count();
    const rule = async (url: string) => (await create({ pageId: w.ids.publicPage, url, kind: "JSON" })).issues;
    expect(await rule("hooks.example.com/in")).toEqual([{ field: "input.url", rule: "format" }]);
    expect(await rule("ftp://hooks.example.com/in")).toEqual([{ field: "input.url", rule: "scheme" }]);
    expect(await rule("https://user:secret@hooks.example.com/in")).toEqual([{ field: "input.url", rule: "credentials" }]);
    expect(await rule(`https://hooks.example.com/${"x".repeat(2_000)}`)).toEqual([{ field: "input.url", rule: "too_long" }]);
    const noEvents = await create({ pageId: w.ids.publicPage, url: "https://hooks.example.com/in", kind: "JSON", events: [] });
    expect(noEvents.issues).toEqual([{ field: "input.events", rule: "required" }]);
    const noSubPage = await create({ pageId: w.ids.customerPage, subPageId: "nope", url: "https://hooks.example.com/in", kind: "JSON" });
    expect(noSubPage.issues).toEqual([{ field: "input.subPageId", rule: "not_found" }]);
    expect(await w.t.app.database.db.webhookEndpoint.count()).toBe(before);
  });

  it("takes plain http only when WEBHOOK_ALLOW_HTTP is on", async () => {
    expect((await create({ pageId: w.ids.publicPage, url: "http://hooks.example.com/in", kind: "JSON" })).__typename).toBe("WebhookEndpointWithSecret");
    const strict = await createTestApp({ now: clock.now });
    try {
      const { createStatusPage } = await strict.ok<{ createStatusPage: { id: string } }>(
        `mutation { createStatusPage(input: { title: "Strict" }) { ... on StatusPage { id } } }`,
      );
      const { createWebhookEndpoint } = await strict.ok<{ createWebhookEndpoint: Created }>(CREATE, {
        input: { pageId: createStatusPage.id, url: "http://hooks.example.com/in", kind: "JSON" },
      });
      expect(createWebhookEndpoint.issues).toEqual([{ field: "input.url", rule: "scheme" }]);
      expect(await strict.app.database.db.webhookEndpoint.count()).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it("puts an endpoint on one sub-page of a customer page", async () => {
    const made = await create({ pageId: w.ids.customerPage, subPageId: "acorn-corp", url: "https://hooks.acorn.example/in", kind: "TEAMS" });
    expect(made.endpoint).toMatchObject({ subPage: { slug: "acorn-corp" } });
  });

  it("updates, re-keys and deletes an endpoint, each audited", async () => {
    const made = await create({ pageId: w.ids.publicPage, url: "https://hooks.example.com/old", kind: "JSON" });
    const id = made.endpoint.id;
    const { updateWebhookEndpoint } = await w.t.ok<{ updateWebhookEndpoint: unknown }>(UPDATE, {
      input: { id, url: "https://hooks.example.com/new", enabled: false, events: ["INCIDENT"] },
    });
    expect(updateWebhookEndpoint).toMatchObject({ url: "https://hooks.example.com/new", enabled: false, events: ["INCIDENT"] });
    const { updateWebhookEndpoint: refused } = await w.t.ok<{ updateWebhookEndpoint: { issues: unknown[] } }>(UPDATE, {
      input: { id, url: "https://a:b@hooks.example.com/" },
    });
    expect(refused.issues).toEqual([{ field: "input.url", rule: "credentials" }]);
    const { rotateWebhookSecret } = await w.t.ok<{ rotateWebhookSecret: { secret: string } }>(ROTATE, { id });
    expect(rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotateWebhookSecret.secret).not.toBe(made.secret);
    expect((await w.t.app.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(rotateWebhookSecret.secret);
    expect((await w.t.ok<{ deleteWebhookEndpoint: unknown }>(DELETE, { id })).deleteWebhookEndpoint).toEqual({ __typename: "WebhookEndpoint", id });
    expect((await w.t.ok<{ deleteWebhookEndpoint: unknown }>(DELETE, { id })).deleteWebhookEndpoint).toEqual({
      __typename: "NotFoundError",
      resource: "webhook endpoint",
    });
    const operations = await w.t.app.database.db.auditEntry.findMany({ where: { objectId: id }, orderBy: { at: "asc" } });
    expect(operations.map((e) => e.operation)).toEqual(["createWebhookEndpoint", "updateWebhookEndpoint", "rotateWebhookSecret", "deleteWebhookEndpoint"]);
    for (const e of operations) expect(`${e.before} ${e.after}`).not.toContain("whsec_");
  });
});
