// A refused subscription is the client's to fix, not a server failure: over SSE it
// answers 401 (sign in) or 403 (not yours) with the query path's typed error, and a
// graphql-ws client hears the same error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { newSecret } from "../../server/auth/tokens.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { subscribeWs, wsClient } from "../helpers/live.js";
import { CREATE_PAGE, createEntry, createRunbookCatalog, mutate } from "../helpers/pages.js";

const STATUS = `subscription ($page: String!, $sub: String) { pageStatus(pageSlug: $page, subPageSlug: $sub) { status } }`;
const SUB_PAGE = `query ($page: String!, $sub: String!) { subPage(pageSlug: $page, slug: $sub) { name } }`;

let t: TestApp;
let url: string;
let slug: string;
let session: string;
let anonymous: Client;

beforeAll(async () => {
  t = await createTestApp();
  const catalog = await createRunbookCatalog(t, ["Zendesk", "Chat"]);
  await createEntry(t, {
    typeId: catalog.groupsTypeId,
    name: "support",
    values: [
      { attribute: "Components", values: ["Chat"] },
      { attribute: "Email domains", values: ["example.com"] },
    ],
  });
  const page = await mutate(t, CREATE_PAGE, {
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
  });
  slug = page.slug as string;
  // Signed in at gitlab.com: the "main" sub-page is theirs, "support" is not.
  const secret = newSecret("sg_session");
  const now = t.app.now();
  await t.app.database.db.viewerSession.create({
    data: { hash: secret.hash, email: "ann@gitlab.com", pageId: page.id!, createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) },
  });
  session = secret.secret;
  url = await t.app.start(0);
  anonymous = wsClient(url);
});
afterAll(async () => {
  await anonymous.dispose();
  await t.close();
});

/** Subscribes over SSE on the real socket; the refusal is one `next` event, then `complete`. */
async function sse(method: "POST" | "GET", variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const sseHeaders = { accept: "text/event-stream", ...headers };
  const res =
    method === "POST"
      ? await fetch(url, { method, headers: { "content-type": "application/json", ...sseHeaders }, body: JSON.stringify({ query: STATUS, variables }) })
      : await fetch(`${url}?query=${encodeURIComponent(STATUS)}&variables=${encodeURIComponent(JSON.stringify(variables))}`, { headers: sseHeaders });
  const text = await res.text();
  const data = /^event: next\ndata: (.*)$/m.exec(text)?.[1];
  return { status: res.status, body: JSON.parse(data ?? "{}") as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe("refused SSE subscriptions", () => {
  for (const method of ["POST", "GET"] as const) {
    it(`${method}: an anonymous caller gets 401 and the "sign in" error, whether or not the sub-page exists`, async () => {
      for (const sub of ["main", "no-such-customer"]) {
        const { status, body } = await sse(method, { page: slug, sub });
        expect(status).toBe(401);
        expect(body.errors).toEqual([expect.objectContaining({ message: "Sign in to see this page", extensions: { code: "UNAUTHENTICATED" } })]);
      }
    });

    it(`${method}: a viewer asking for another customer's sub-page gets 403 and FORBIDDEN`, async () => {
      const { status, body } = await sse(method, { page: slug, sub: "support" }, { authorization: `Bearer ${session}` });
      expect(status).toBe(403);
      expect(body.errors).toEqual([expect.objectContaining({ message: "You may not see this page", extensions: { code: "FORBIDDEN" } })]);
    });
  }

  it("answers with the same error as the query path", async () => {
    const query = await t.gql(SUB_PAGE, { page: slug, sub: "main" }, { as: "anonymous" });
    const { body } = await sse("POST", { page: slug, sub: "main" });
    expect(body.errors![0]!.message).toBe(query.errors![0]!.message);
    expect(body.errors![0]!.extensions).toEqual(query.errors![0]!.extensions);
  });

  it("bad input is a 400 with the argument named, not a 500", async () => {
    const { status, body } = await sse("POST", { page: "\ud800", sub: null });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "pageSlug", rule: "lone_surrogate" });
  });

  it("an anonymous graphql-ws subscriber gets UNAUTHENTICATED", async () => {
    const { errors } = await subscribeWs(anonymous, STATUS, { page: slug, sub: "main" }).inbox.next();
    expect(errors).toEqual([expect.objectContaining({ message: "Sign in to see this page", extensions: { code: "UNAUTHENTICATED" } })]);
  });
});
