// Signed-in viewers' answers in the response cache (cache.ts). What a customer
// sub-page shows is the same for every viewer admitted to it, so an answer is
// kept under the viewer's *access set* — the customer page and the sorted ids of
// the sub-pages they are admitted to — not under their session: the first
// viewer's request computes it, every viewer with the same access set reuses it
// until the next change. Only `viewer` names the person asking (their address):
// a document that mentions it is kept per address as well.
//
// Only a request whose one credential is a live viewer session takes part (an
// API key bypasses the cache as before). Its keys carry a prefix of their own,
// so they never meet anonymous answers, and live in a store of their own.
import type { Actor } from "../auth/actor.js";

type ViewerActor = Extract<Actor, { kind: "viewer" }>;

/** Response ids of viewers' answers start with this; anonymous ones are bare hex. */
export const VIEWER_ID_PREFIX = "v:";

/** Who the viewer is, for the cache: the same string for everyone who sees the same answers. */
export function accessSet(actor: ViewerActor): string {
  return `${actor.pageId}:${[...actor.subPageIds].sort().join(",")}`;
}

/** A session cookie and no Authorization header, or a session as the bearer token: nothing but a viewer session. */
export function onlyViewerSession(request: Request): boolean {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return /^\s*bearer\s+sg_session_\S+\s*$/i.test(authorization);
  return request.headers.has("cookie");
}

/** Whether a document can select `viewer` (over-inclusive: a name cannot be spelled without its letters). */
const mentionsViewer = (document: string) => document === "" || /viewer/i.test(document);

export interface ViewerAnswers {
  /** The access set of a request whose only credential is a live viewer session, else null; remembered for the request. */
  session(request: Request): Promise<string | null>;
  /** What the response id is built from in place of the session: the access set, and the address when the document needs it. */
  identity(request: Request, accessSet: string, document: string): string;
  /** Whether the request was keyed as a viewer's. */
  keyed(request: Request): boolean;
  /** Whether the actor an operation runs as is still the one the request was keyed by (the access set may have changed meanwhile). */
  runsAsKeyed(request: Request, actor: Actor): boolean;
}

/** `viewerOf` resolves the request's credentials (through the credential cache, so a repeat costs no database round trip). */
export function createViewerAnswers(viewerOf: (request: Request) => Promise<Actor>): ViewerAnswers {
  const keyedBy = new WeakMap<Request, { access: string; email: string }>();
  return {
    async session(request) {
      if (!onlyViewerSession(request)) return null;
      const actor = await viewerOf(request);
      if (actor.kind !== "viewer") return null;
      const access = accessSet(actor);
      keyedBy.set(request, { access, email: actor.email });
      return access;
    },
    identity(request, access, document) {
      const keyed = keyedBy.get(request);
      if (!keyed) throw new Error("A viewer's answer was keyed without the viewer's session");
      return `${access}\n${mentionsViewer(document) ? keyed.email : ""}`;
    },
    keyed: (request) => keyedBy.has(request),
    runsAsKeyed(request, actor) {
      const keyed = keyedBy.get(request);
      return keyed !== undefined && actor.kind === "viewer" && accessSet(actor) === keyed.access && actor.email === keyed.email;
    },
  };
}
