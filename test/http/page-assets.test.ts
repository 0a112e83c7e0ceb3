// Operators upload a page's logo and favicon as a GraphQL multipart request over real
// HTTP; the page then names where the image is served, and anyone may fetch it there,
// cached for good. What is not a small PNG, JPEG, WebP, GIF or ICO by its bytes is
// refused by name, whatever the client declared, and nothing is stored.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { CSRF_HEADER } from "../../server/plugins/csrf.js";
import { bearer, createTestApp, type TestApp } from "../helpers/app.js";
import { createPage, type PageRef } from "../helpers/fixtures.js";
import { ICO, PNG, SVG, paddedPng, upload } from "../helpers/images.js";
import { multipartBody } from "../helpers/multipart.js";

const UPLOAD = /* GraphQL */ `
  mutation ($pageId: ID!, $kind: PageAssetKind!, $file: File!) {
    uploadPageAsset(pageId: $pageId, kind: $kind, file: $file) {
      __typename
      ... on StatusPage { logoUrl faviconUrl }
      ... on ValidationError { issues { field rule } }
      ... on AccessDeniedError { reason }
    }
  }
`;

interface Uploaded {
  __typename: string;
  logoUrl?: string | null;
  faviconUrl?: string | null;
  issues?: { field: string; rule: string }[];
  reason?: string;
}

let t: TestApp;
let origin: string;
let viewerKey: string;

beforeAll(async () => {
  t = await createTestApp();
  origin = new URL(await t.app.start(0)).origin;
  viewerKey = (await createApiKey(t.app.database.db, { name: "reader", scope: "VIEWER" }, t.app.now())).secret;
});
afterAll(() => t.close());

/** A multipart request to the running server, as a browser's form or curl sends it. */
async function post(query: string, variables: Record<string, unknown>, key = t.adminKey) {
  const body = multipartBody(query, variables)!;
  return fetch(`${origin}/graphql`, { method: "POST", headers: { ...bearer(key), [CSRF_HEADER]: "1" }, body });
}

async function uploadTo(page: PageRef, kind: "LOGO" | "FAVICON", file: File, key = t.adminKey): Promise<Uploaded> {
  const res = await post(UPLOAD, { pageId: page.id, kind, file }, key);
  expect(res.status).toBe(200);
  const { data, errors } = (await res.json()) as { data?: { uploadPageAsset: Uploaded }; errors?: unknown };
  expect(errors).toBeUndefined();
  return data!.uploadPageAsset;
}

const stored = () => t.app.database.db.pageAsset.findMany({ select: { pageId: true, kind: true, sha256: true } });
const pageRow = (page: PageRef) => t.app.database.db.statusPage.findUniqueOrThrow({ where: { id: page.id } });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("uploading a logo", () => {
  let page: PageRef;
  let logoUrl: string;

  beforeAll(async () => {
    page = await createPage(t, []);
    const result = await uploadTo(page, "LOGO", upload(PNG));
    expect(result.__typename).toBe("StatusPage");
    logoUrl = result.logoUrl!;
  });

  it("points the page's logoUrl at the content-addressed image", async () => {
    expect(logoUrl).toBe(`/assets/${sha256(PNG)}.png`);
    expect((await pageRow(page)).logoUrl).toBe(logoUrl);
  });

  it("serves the same bytes to anyone, cached for good", async () => {
    const res = await fetch(`${origin}${logoUrl}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("etag")).toBe(`"${sha256(PNG)}"`);
  });

  it("answers 304 to the ETag it gave", async () => {
    const first = await fetch(`${origin}${logoUrl}`);
    const again = await fetch(`${origin}${logoUrl}`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("answers 404 for an image it does not hold, and for a known hash under another extension", async () => {
    expect((await fetch(`${origin}/assets/${"0".repeat(64)}.png`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/${sha256(PNG)}.gif`)).status).toBe(404);
  });
});

describe("refusals", () => {
  const cases: [string, "LOGO" | "FAVICON", File, string][] = [
    ["a logo over 512 KiB", "LOGO", upload(paddedPng(512 * 1024 + 1)), "too_large"],
    ["a favicon over 128 KiB", "FAVICON", upload(paddedPng(128 * 1024 + 1), "favicon.png"), "too_large"],
    ["an SVG", "LOGO", upload(SVG, "logo.svg", "image/svg+xml"), "type"],
    ["an SVG declared as a PNG", "LOGO", upload(SVG), "type"],
    ["HTML declared as a PNG", "FAVICON", upload(Buffer.from("<!doctype html><script>alert(1)</script>"), "favicon.png"), "type"],
    ["an empty file", "LOGO", upload(Buffer.alloc(0)), "empty"],
  ];

  it.each(cases)("refuses %s by name, storing nothing", async (_name, kind, file, rule) => {
    const page = await createPage(t, []);
    const before = await stored();
    const result = await uploadTo(page, kind, file);
    expect(result).toEqual({ __typename: "ValidationError", issues: [{ field: "file", rule }] });
    expect(await stored()).toEqual(before);
    const row = await pageRow(page);
    expect([row.logoUrl, row.faviconUrl, row.version]).toEqual([null, null, 1]);
  });

  it("reads the type from the bytes: a PNG declared as HTML is taken, and served as a PNG", async () => {
    const page = await createPage(t, []);
    const result = await uploadTo(page, "LOGO", upload(PNG, "page.html", "text/html"));
    const res = await fetch(`${origin}${result.logoUrl}`);
    expect(res.headers.get("content-type")).toBe("image/png");
  });

  it("refuses a viewer key, storing nothing", async () => {
    const page = await createPage(t, []);
    const before = await stored();
    const result = await uploadTo(page, "LOGO", upload(PNG), viewerKey);
    expect(result).toMatchObject({ __typename: "AccessDeniedError", reason: "FORBIDDEN" });
    expect(await stored()).toEqual(before);
  });

  it("refuses a body over the upload limit with 413 before reading it", async () => {
    const page = await createPage(t, []);
    const before = await stored();
    const res = await post(UPLOAD, { pageId: page.id, kind: "LOGO", file: upload(paddedPng(2 * 1024 * 1024)) });
    expect(res.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it("keeps JSON bodies to their own, smaller limit", async () => {
    const res = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(200 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });
});

describe("replacing and deleting", () => {
  it("removes the image an upload replaces", async () => {
    const page = await createPage(t, []);
    // Bytes no other page uses: the same image uploaded for another page is served for it.
    const first = await uploadTo(page, "FAVICON", upload(paddedPng(1000), "favicon.png"));
    const second = await uploadTo(page, "FAVICON", upload(ICO, "favicon.ico", "image/x-icon"));
    expect(second.faviconUrl).toBe(`/assets/${sha256(ICO)}.ico`);
    expect((await fetch(`${origin}${first.faviconUrl}`)).status).toBe(404);
    expect((await fetch(`${origin}${second.faviconUrl}`)).headers.get("content-type")).toBe("image/x-icon");
    expect((await stored()).filter((a) => a.pageId === page.id)).toEqual([{ pageId: page.id, kind: "FAVICON", sha256: sha256(ICO) }]);
  });

  it("removes an uploaded logo when logoUrl is set to another image", async () => {
    const page = await createPage(t, []);
    const { logoUrl } = await uploadTo(page, "LOGO", upload(paddedPng(2048)));
    await t.ok(`mutation ($input: UpdateStatusPageInput!) { updateStatusPage(input: $input) { __typename } }`, {
      input: { id: page.id, logoUrl: "https://cdn.example.com/logo.png" },
    });
    expect((await stored()).filter((a) => a.pageId === page.id)).toEqual([]);
    expect((await fetch(`${origin}${logoUrl}`)).status).toBe(404);
  });

  it("removes a page's images with the page", async () => {
    const page = await createPage(t, []);
    await uploadTo(page, "LOGO", upload(paddedPng(4096)));
    await t.ok(`mutation ($id: ID!) { deleteStatusPage(id: $id) { __typename } }`, { id: page.id });
    expect((await stored()).filter((a) => a.pageId === page.id)).toEqual([]);
  });
});

describe("creating a page with uploads", () => {
  const CREATE = /* GraphQL */ `
    mutation ($input: CreateStatusPageInput!) {
      createStatusPage(input: $input) {
        __typename
        ... on StatusPage { slug logoUrl faviconUrl }
        ... on ValidationError { issues { field rule } }
      }
    }
  `;

  it("takes a logo by URL and a favicon uploaded, and the page's HTML names the uploaded favicon", async () => {
    const res = await post(CREATE, {
      input: { title: "Acme uploads", logoUrl: "https://cdn.example.com/acme.png", favicon: upload(ICO, "favicon.ico", "image/x-icon") },
    });
    const { createStatusPage: page } = ((await res.json()) as { data: { createStatusPage: Uploaded & { slug: string } } }).data;
    expect(page).toMatchObject({ __typename: "StatusPage", logoUrl: "https://cdn.example.com/acme.png", faviconUrl: `/assets/${sha256(ICO)}.ico` });
    const html = await (await fetch(`${origin}/${page.slug}`)).text();
    expect(html).toContain(`<link rel="icon" href="/assets/${sha256(ICO)}.ico">`);
  });

  it("refuses a logo both given by URL and uploaded, creating nothing", async () => {
    const before = await t.app.database.db.statusPage.count();
    const res = await post(CREATE, { input: { title: "Both ways", logoUrl: "https://cdn.example.com/a.png", logo: upload(PNG) } });
    const { createStatusPage: result } = ((await res.json()) as { data: { createStatusPage: Uploaded } }).data;
    expect(result).toEqual({ __typename: "ValidationError", issues: [{ field: "input.logo", rule: "exclusive" }] });
    expect(await t.app.database.db.statusPage.count()).toBe(before);
  });

  it("refuses an uploaded favicon over its limit by its input field", async () => {
    const res = await post(CREATE, { input: { title: "Too big", favicon: upload(paddedPng(200 * 1024)) } });
    const { createStatusPage: result } = ((await res.json()) as { data: { createStatusPage: Uploaded } }).data;
    expect(result).toEqual({ __typename: "ValidationError", issues: [{ field: "input.favicon", rule: "too_large" }] });
  });
});
