// The landing page of a mailed one-time sign-in link, for viewers and operators alike.
// GET only shows a button: mail scanners and link previewers fetch links, and must not
// use up a one-time link by doing so. The button POSTs the token back (same origin
// only, against login CSRF), which opens the session, sets its cookie and sends the
// browser on.
import type { IncomingMessage, ServerResponse } from "node:http";
import { INVALID_LINK_MESSAGE, SignInLinkError } from "../auth/viewer-sessions.js";
import type { AppServices } from "../context.js";
import { escapeMarkup } from "../domain/markup.js";
import { requestBaseUrl } from "./base-url.js";
import { createOriginPolicy, requestOrigin } from "./origins.js";
import { plainPage, readBody } from "./plain-page.js";
import type { Route } from "./routes.js";

/** A token is about 50 bytes; anything this large is not a sign-in. */
const MAX_BODY_BYTES = 4096;

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  // Same-origin keeps the token in this URL from leaving as a Referer, while the
  // form's POST still carries an Origin header (no-referrer would make it "null").
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** What differs between the viewers' and the operators' link pages. */
export interface LinkPageFlow {
  /** The path the mailed link leads to. */
  path: string;
  /** Title of the page with the button. */
  title: string;
  /** The sentence above the button (markup), from the link's URL. */
  intro(url: URL): string;
  /** Said after "invalid or expired" when the token is refused. */
  expiredHint: string;
  /** Uses the token up; throws SignInLinkError when it is not valid. */
  complete(token: string, req: IncomingMessage, baseUrl: string): Promise<{ location: string; setCookie: string }>;
}

/** Serves `flow.path`: the button on GET, the sign-in on POST. */
export function linkPageRoute(services: Pick<AppServices, "publicUrl">, flow: LinkPageFlow): Route {
  return async (req, res, url) => {
    if (url.pathname !== flow.path) return false;
    if (req.method === "GET" || req.method === "HEAD") {
      const token = url.searchParams.get("token") ?? "";
      if (!token) page(res, 400, "Sign-in link incomplete", `<p>${INVALID_LINK_MESSAGE}.</p>`);
      else page(res, 200, flow.title, signInForm(flow, url, token));
      return true;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    const baseUrl = services.publicUrl ?? requestBaseUrl(req.headers.host);
    if (!sameOrigin(req, services.publicUrl)) {
      page(res, 403, "Sign-in refused", "<p>Open the sign-in link from your email in this browser.</p>");
      return true;
    }
    const token = new URLSearchParams(await readBody(req, MAX_BODY_BYTES)).get("token") ?? "";
    try {
      const { location, setCookie } = await flow.complete(token, req, baseUrl);
      res.writeHead(303, { location, "set-cookie": setCookie, "cache-control": "no-store" });
      res.end();
    } catch (error) {
      if (!(error instanceof SignInLinkError)) throw error;
      page(res, 400, "Sign-in link expired", `<p>${INVALID_LINK_MESSAGE}. ${flow.expiredHint}</p>`);
    }
    return true;
  };
}

/** The path of the service's public URL, without a trailing slash ("" at the root). */
export function basePath(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/+$/, "");
}

/** Refuses cross-site posts (login CSRF); requests without an Origin header (non-browsers) pass. */
function sameOrigin(req: IncomingMessage, publicUrl: string | null): boolean {
  const origin = req.headers.origin;
  // No configured origins: signing in is for this service's own pages only.
  return origin === undefined || createOriginPolicy([], publicUrl).trusted(requestOrigin(origin), req.headers.host);
}

function signInForm(flow: LinkPageFlow, url: URL, token: string): string {
  // The form posts back to the page's own path (relative, so it holds behind a path prefix).
  const action = flow.path.slice(flow.path.lastIndexOf("/") + 1);
  return (
    `<p>${flow.intro(url)}</p>\n` +
    `<form method="post" action="${action}">\n` +
    `<input type="hidden" name="token" value="${escapeMarkup(token)}">\n` +
    `<button type="submit">Sign in</button>\n</form>`
  );
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  plainPage(res, HEADERS, status, title, body);
}
