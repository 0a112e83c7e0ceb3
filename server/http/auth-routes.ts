// The viewer's sign-in link lands here (the page itself is link-page.ts): the POST
// opens the session, sets the cookie and sends the browser on to the page it signed in to.
import { getCookieString } from "@whatwg-node/cookie-store";
import { sessionCookie } from "../auth/cookies.js";
import { completeSignIn } from "../auth/viewer-sessions.js";
import type { AppServices } from "../context.js";
import { escapeMarkup } from "../domain/markup.js";
import { basePath, linkPageRoute } from "./link-page.js";
import type { Route } from "./routes.js";

/** Serves /auth/callback, where the viewer's mailed link leads. */
export function authRoutes(services: Pick<AppServices, "db" | "now" | "publicUrl">): Route {
  return linkPageRoute(services, {
    path: "/auth/callback",
    title: "Sign in",
    intro(url) {
      const pageSlug = url.searchParams.get("page");
      const where = pageSlug ? ` to <strong>${escapeMarkup(pageSlug)}</strong>` : "";
      return `Sign in${where} with the link from your email. It works once.`;
    },
    expiredHint: "Ask for a new one on the status page.",
    async complete(token, _req, baseUrl) {
      const now = services.now();
      const { sessionSecret, pageSlug } = await completeSignIn(services.db, token, now);
      return { location: `${basePath(baseUrl)}/${encodeURIComponent(pageSlug)}`, setCookie: getCookieString(sessionCookie(sessionSecret, { baseUrl }, now)) };
    },
  });
}
