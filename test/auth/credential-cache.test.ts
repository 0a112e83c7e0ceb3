// The credential cache on its own: bounded, dropping what each event names, and
// never keeping a look-up that raced with a drop.
import { describe, expect, it } from "vitest";
import { createCredentialCache, type SessionRecord } from "../../server/auth/credential-cache.js";
import { createEvents } from "../../server/events.js";
import type { ApiKey } from "../../server/generated/sqlite/client.js";

const FAR = new Date("2100-01-01T00:00:00Z");
const record = (id: string, pageId = "page-1"): SessionRecord => ({
  id,
  email: `${id}@acme.io`,
  pageId,
  expiresAt: FAR,
  endedAt: null,
  page: { id: pageId, kind: "CUSTOMER", domainsAttributeId: "domains" },
});
const key = (id: string): ApiKey => ({
  id,
  name: id,
  scope: "VIEWER",
  prefix: "sg_key_x",
  hash: `h-${id}`,
  createdAt: new Date(),
  lastUsedAt: null,
  revokedAt: null,
});

const viewer = (sessionId: string, expiresAt = FAR) => ({ sessionId, email: `${sessionId}@acme.io`, pageId: "page-1", subPageIds: ["sub"], expiresAt });

/** A loader that counts its calls. */
function loader<V>(value: V) {
  const load = async () => {
    load.calls += 1;
    return value;
  };
  load.calls = 0;
  return load;
}

describe("the credential cache", () => {
  it("keeps at most its bound of sessions, admitted sets and keys", async () => {
    const cache = createCredentialCache({ maxEntries: 3, maxKeys: 2 });
    for (let i = 0; i < 10; i++) {
      await cache.session(`hash-${i}`, loader(record(`s${i}`)));
      await cache.admitted("page-1", `v${i}@acme.io`, loader(["sub"]));
      await cache.apiKey(`key-${i}`, loader(key(`k${i}`)));
    }
    for (let i = 0; i < 10; i++) cache.rememberViewer(`sg_session_${i}`, viewer(`s${i}`));
    expect(cache.size()).toEqual({ sessions: 3, admitted: 3, keys: 2, operatorSessions: 0, lastKnownViewers: 10 });
    const small = createCredentialCache({ maxLastKnownViewers: 2 });
    for (let i = 0; i < 10; i++) small.rememberViewer(`sg_session_${i}`, viewer(`s${i}`));
    expect(small.size().lastKnownViewers).toBe(2);
  });

  it("answers a repeat from memory, and never keeps ended sessions or revoked keys", async () => {
    const cache = createCredentialCache();
    const live = loader(record("live"));
    for (let i = 0; i < 3; i++) expect(await cache.session("live", live)).toMatchObject({ id: "live" });
    expect(live.calls).toBe(1);
    const ended = loader({ ...record("ended"), endedAt: new Date() });
    for (let i = 0; i < 2; i++) expect(await cache.session("ended", ended)).toBeNull();
    expect(ended.calls).toBe(2);
    const revoked = loader({ ...key("revoked"), revokedAt: new Date() });
    for (let i = 0; i < 2; i++) expect(await cache.apiKey("revoked", revoked)).toBeNull();
    expect(revoked.calls).toBe(2);
  });

  it("drops what sign-outs, revocations and page or catalog changes name, from any instance's events", async () => {
    const events = createEvents();
    const cache = createCredentialCache({ events });
    const [a, b] = [loader(record("a")), loader(record("b", "page-2"))];
    const k = loader(key("k"));
    const admitted = loader(["sub"]);
    const warm = async () => {
      await cache.session("a", a);
      await cache.session("b", b);
      await cache.apiKey("k", k);
      await cache.admitted("page-1", "a@acme.io", admitted);
    };
    await warm();
    events.publish("sessions:ended", "a");
    events.publish("api-keys:revoked", "k");
    await expect.poll(() => cache.size()).toMatchObject({ sessions: 1, keys: 0 });
    await warm();
    expect([a.calls, b.calls, k.calls]).toEqual([2, 1, 2]);

    // Incidents change no one's access; the catalog changes admission; a page change its sessions' page too.
    const change = { kind: "UPDATED", subjectId: null, at: new Date().toISOString() } as const;
    events.publish("pages:changed", { ...change, pageId: "page-1", subject: "INCIDENT" });
    events.publish("pages:changed", { ...change, pageId: "page-1", subject: "CATALOG" });
    await expect.poll(() => cache.size().admitted).toBe(0);
    expect(cache.size().sessions).toBe(2);
    events.publish("pages:changed", { ...change, pageId: "page-2", subject: "PAGE" });
    await expect.poll(() => cache.size().sessions).toBe(1);
    expect(await cache.session("a", a)).toMatchObject({ id: "a" });
    expect(a.calls).toBe(2);
    cache.close();
  });

  it("uses but does not keep a look-up that read the database before a drop", async () => {
    const cache = createCredentialCache();
    let release = () => {};
    const slow = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return record("racing");
    };
    const pending = cache.session("racing", slow);
    // The sign-out commits and is heard while the look-up is on its way back.
    cache.forgetSession("racing");
    release();
    expect(await pending).toMatchObject({ id: "racing" });
    const again = loader(null);
    expect(await cache.session("racing", again)).toBeNull();
    expect(again.calls).toBe(1);
  });

  it("keeps the viewers last authenticated for outages: through clear(), until they expire, sign out or the database says none", async () => {
    const events = createEvents();
    const cache = createCredentialCache({ events });
    const now = new Date("2030-06-01T00:00:00Z");
    cache.rememberViewer("sg_session_a", viewer("a"));
    cache.rememberViewer("sg_session_b", viewer("b"));
    cache.rememberViewer("sg_session_old", viewer("old", new Date("2030-05-01T00:00:00Z")));
    // clear() runs when the database stops answering: exactly when these are needed.
    cache.clear();
    expect(cache.recallViewer("sg_session_a", now)).toMatchObject({ sessionId: "a", subPageIds: ["sub"] });
    expect(cache.recallViewer("sg_session_old", now)).toBeNull();
    expect(cache.recallViewer("sg_session_unknown", now)).toBeNull();

    // The database answering "no such session" replaces what was kept.
    cache.rememberViewer("sg_session_b", null);
    expect(cache.recallViewer("sg_session_b", now)).toBeNull();

    // A sign-out on another instance drops it, and a look-up that read the session just before cannot bring it back.
    events.publish("sessions:ended", "a");
    await expect.poll(() => cache.recallViewer("sg_session_a", now)).toBeNull();
    cache.rememberViewer("sg_session_a", viewer("a"));
    expect(cache.recallViewer("sg_session_a", now)).toBeNull();
    expect(cache.size().lastKnownViewers).toBe(0);
    cache.close();
  });
});
