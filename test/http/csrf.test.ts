// Bodies a page of any site can make a browser POST without a preflight (an HTML
// form, or fetch in no-cors mode) do not run mutations, whatever credentials
// ride along; a JSON body, or a header no form can set, does. Real server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../../server/plugins/csrf.js";
import { buildWorld, type World } from "../auth/world.js";

let w: World;
let url: string;
let admin: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  w = await buildWorld();
  url = await w.t.app.start(0);
  admin = w.as.admin as Record<string, string>;
  viewer = w.as.viewerA as Record<string, string>;
});
afterAll(() => w.t.close());

type Body = { headers: Record<string, string>; body: BodyInit };

/** The same operation in each body a browser sends cross-site without asking first. */
const SIMPLE_BODIES: Record<string, (query: string) => Body> = {
  "form-urlencoded": (query) => ({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ query }).toString() }),
  multipart: (query) => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query }));
    form.set("map", "{}");
    return { headers: {}, body: form };
  },
  "text/plain": (query) => ({ headers: { "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify({ query }) }),
};

const json = (query: string): Body => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

const send = ({ headers, body }: Body, credentials: Record<string, string>) => fetch(url, { method: "POST", headers: { ...headers, ...credentials }, body });

const rename = (title: string) => `mutation { updateStatusPage(input: { id: "${w.ids.publicPage}", title: "${title}" }) { __typename } }`;
const title = async () => (await w.t.ok<{ statusPage: { title: string } }>(`{ statusPage(slug: "public") { title } }`)).statusPage.title;
const signedInAs = async () => (await w.t.ok<{ viewer: { email: string | null } }>(`{ viewer { email } }`, {}, viewer)).viewer.email;

describe("with an API key", () => {
  it.each(Object.keys(SIMPLE_BODIES))("a %s POST of a mutation changes nothing", async (kind) => {
    const res = await send(SIMPLE_BODIES[kind]!(rename(`Renamed by ${kind}`)), admin);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await title()).toBe("Public status");
  });

  it("a JSON POST runs it, and so does a form POST carrying the CSRF header", async () => {
    const res = await send(json(rename("Renamed by JSON")), admin);
    expect((await res.json()).data.updateStatusPage.__typename).toBe("StatusPage");
    expect(await title()).toBe("Renamed by JSON");
    await send(
      { ...SIMPLE_BODIES["form-urlencoded"]!(rename("Public status")), headers: { "content-type": "application/x-www-form-urlencoded", [CSRF_HEADER]: "1" } },
      admin,
    );
    expect(await title()).toBe("Public status");
  });

  it("refuses in words that say what to send", async () => {
    const res = await send(SIMPLE_BODIES["form-urlencoded"]!(rename("x")), admin);
    expect(res.status).toBe(403);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({
        message: `Mutations need a JSON body (Content-Type: application/json) or an ${CSRF_HEADER} header.`,
        extensions: { code: "CSRF_REFUSED" },
      }),
    ]);
  });

  it("lets a form-urlencoded query through: reading changes nothing", async () => {
    const res = await send(SIMPLE_BODIES["form-urlencoded"]!(`{ statusPage(slug: "public") { title } }`), admin);
    expect((await res.json()).data.statusPage.title).toBe("Public status");
  });
});

describe("with a viewer's cookie", () => {
  it.each(Object.keys(SIMPLE_BODIES))("a %s POST of signOut leaves the viewer signed in", async (kind) => {
    await send(SIMPLE_BODIES[kind]!(`mutation { signOut }`), viewer);
    expect(await signedInAs()).toBe("ann@acorn.example");
  });

  it("a JSON POST of signOut signs the viewer out", async () => {
    const res = await send(json(`mutation { signOut }`), viewer);
    expect((await res.json()).data.signOut).toBe(true);
    expect(await signedInAs()).toBeNull();
  });
});
