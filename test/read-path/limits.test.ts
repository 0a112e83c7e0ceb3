// Each limit on what a request may ask refuses the first request over it with an
// error that says which limit it hit; requests within the limits still work.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { limitsFromEnv } from "../../server/limits.js";
import { get, post } from "./http.js";

let t: TestApp;
let locked: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // What NODE_ENV=production does by default.
  locked = await createTestApp({ limits: { introspection: false, fieldSuggestions: false } });
});
afterAll(async () => {
  await t.close();
  await locked.close();
});

/** `pairs` levels of incident → page below statusPage: depth 2 + 2 × pairs + the leaf's (no lists, so cheap). */
const nested = (pairs: number, leaf: string) => {
  let inner = leaf;
  for (let i = 0; i < pairs; i++) inner = `incident(id: "none") { page { ${inner} } }`;
  return `{ statusPage(slug: "none") { ${inner} } }`;
};

/** As GraphQL-over-HTTP clients ask: with this media type a request error is a 400. */
const SPEC = { accept: "application/graphql-response+json" };

async function refused(query: string, message: RegExp, app = t): Promise<void> {
  const answer = await get(app, query, undefined, SPEC);
  expect(answer.status).toBe(400);
  expect(answer.body!.data).toBeUndefined();
  expect(answer.body!.errors!.map((e) => e.message).join("\n")).toMatch(message);
  expect(answer.body!.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
}

async function accepted(query: string, app = t): Promise<void> {
  const answer = await get(app, query);
  expect(answer.body!.errors).toBeUndefined();
}

describe("operation shape", () => {
  it("refuses queries nested deeper than 12", async () => {
    await accepted(nested(5, "title"));
    await refused(nested(5, "summary { status }"), /Query depth limit of 12 exceeded, found 13/);
  });

  it("refuses queries costing more than 20,000, counting list sizes", async () => {
    // Per alias: components (1) + 10 components × (uptime (1) + 90 days × (days (1) + 3 fields)) = 3,611.
    const uptimes = (n: number) =>
      `{ statusPage(slug: "none") { ${Array.from({ length: n }, (_, i) => `c${i}: components { uptime(days: 90) { days { date uptime worst } } }`).join(" ")} } }`;
    await accepted(uptimes(5));
    await refused(uptimes(6), /^Query Cost limit of 20000 exceeded, found 21667\.$/);
    // The same selection over a tenth of the days costs a tenth as much.
    await accepted(uptimes(6).replaceAll("days: 90", "days: 9"));
  });

  it("refuses more than 15 aliases", async () => {
    // Aliases of __typename are free (armor's allow-list); of a real field they count.
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: statusPages { slug }`).join(" ")} }`;
    await accepted(aliases(15));
    await refused(aliases(16), /Aliases limit of 15 exceeded, found 16/);
  });

  it("refuses documents of more than 1000 tokens", async () => {
    // Five tokens per operation (`query Qn { __typename }`); one field repeated 1000 times would trip graphql-js's own overlap budget.
    const operations = (n: number) => ({ query: Array.from({ length: n }, (_, i) => `query Q${i} { __typename }`).join("\n"), operationName: "Q0" });
    expect((await post(t, operations(200), SPEC)).body).toEqual({ data: { __typename: "Query" } });
    const answer = await post(t, operations(201), SPEC);
    expect(answer.status).toBe(400);
    expect(answer.body!.errors![0]!.message).toBe("Syntax Error: Token limit of 1000 exceeded.");
  });

  it("refuses more than 50 directives", async () => {
    await accepted(`{ ${"__typename @skip(if: false) ".repeat(50)}}`);
    await refused(`{ ${"__typename @skip(if: false) ".repeat(51)}}`, /Directives limit of 50 exceeded, found 51/);
  });
});

describe("introspection and field suggestions", () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;

  it("are on outside production", async () => {
    expect((await get(t, INTROSPECT)).body!.data!.__schema.queryType.name).toBe("Query");
    await refused(`{ statusPage(slug: "x") { titel } }`, /Did you mean "title"\?/);
  });

  it("can be switched off: __schema refused, __typename kept, no hints", async () => {
    await refused(INTROSPECT, /introspection has been disabled/, locked);
    await accepted(`{ __typename }`, locked);
    const answer = await get(locked, `{ statusPage(slug: "x") { titel } }`);
    expect(answer.body!.errors![0]!.message).not.toMatch(/Did you mean|title"/);
  });

  it("are off by default in production, and each can be turned back on", () => {
    expect(limitsFromEnv({ NODE_ENV: "production" })).toMatchObject({ introspection: false, fieldSuggestions: false });
    expect(limitsFromEnv({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" })).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(limitsFromEnv({ GRAPHQL_INTROSPECTION: "false", GRAPHQL_FIELD_SUGGESTIONS: "true" })).toMatchObject({
      introspection: false,
      fieldSuggestions: true,
    });
    expect(() => limitsFromEnv({ GRAPHQL_INTROSPECTION: "maybe" })).toThrow(/GRAPHQL_INTROSPECTION must be true or false/);
    expect(() => limitsFromEnv({ GRAPHQL_MAX_DEPTH: "0" })).toThrow(/GRAPHQL_MAX_DEPTH must be a positive integer/);
  });
});

/** Writes `request` to a fresh connection and reads the answer until the server closes it. */
function rawExchange(origin: URL, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(origin.port), origin.hostname);
    const parts: Buffer[] = [];
    socket.on("data", (part: Buffer) => parts.push(part));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(parts).toString("latin1")));
    socket.end(request);
  });
}

describe("request size", () => {
  const padded = (bytes: number) => ({ query: `{ __typename }`, variables: { pad: "x".repeat(bytes) } });

  it("refuses bodies over 100 KB with 413", async () => {
    expect((await post(t, padded(90_000))).status).toBe(200);
    const answer = await post(t, padded(110_000));
    expect(answer.status).toBe(413);
    expect(answer.body!.errors![0]).toMatchObject({ message: "Request body too large", extensions: { code: "REQUEST_ENTITY_TOO_LARGE" } });
  });

  it("counts bodies sent without Content-Length too", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(padded(110_000)));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit;
    expect((await t.app.yoga.fetch("http://localhost/graphql", init)).status).toBe(413);
  });

  it("over a socket too: a chunked body is counted, and a body longer than its Content-Length is cut at it", async () => {
    const origin = new URL(await t.app.start(0, "127.0.0.1")).origin;
    const bytes = new TextEncoder().encode(JSON.stringify(padded(110_000)));
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body: chunked, duplex: "half" } as RequestInit;
    expect((await fetch(`${origin}/graphql`, init)).status).toBe(413);
    // Node's parser hands the app exactly the declared bytes: here a truncated JSON
    // document (refused as such), never the 110 KB that followed on the socket.
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20\r\nConnection: close\r\n\r\n`;
    const reply = await rawExchange(new URL(origin), Buffer.concat([Buffer.from(head), Buffer.from(bytes)]));
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).not.toContain("x".repeat(1_000));
  });

  it("refuses batched operations", async () => {
    const answer = await post(t, [{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(answer.status).toBe(400);
    expect(answer.body!.errors![0]!.message).toBe("Batching is not supported.");
  });
});
