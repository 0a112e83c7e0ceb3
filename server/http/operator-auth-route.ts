// The operator's sign-in link lands here (the page itself is link-page.ts, as for
// viewers): the POST opens the operator's session, sets its cookie and sends the
// browser to the console.
import { completeOperatorSignIn, OPERATOR_LINK_PATH } from "../auth/operator-email-sign-in.js";
import { getCookieString } from "@whatwg-node/cookie-store";
import { isHttpsUrl } from "../auth/cookies.js";
import { operatorSessionCookie } from "../auth/operator-sessions.js";
import type { AppServices } from "../context.js";
import { basePath, linkPageRoute } from "./link-page.js";
import type { Route } from "./routes.js";

/** Serves OPERATOR_LINK_PATH. */
export function operatorAuthRoute(services: Pick<AppServices, "db" | "now" | "publicUrl">): Route {
  return linkPageRoute(services, {
    path: OPERATOR_LINK_PATH,
    title: "Operator sign-in",
    intro: () => "Sign in as an operator with the link from your email. It works once.",
    expiredHint: "Ask for a new one.",
    async complete(token, req, baseUrl) {
      const meta = { address: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
      const { secret, expiresAt } = await completeOperatorSignIn(services.db, token, meta, services.now());
      return { location: `${basePath(baseUrl)}/console`, setCookie: getCookieString(operatorSessionCookie(secret, expiresAt, isHttpsUrl(baseUrl))) };
    },
  });
}
