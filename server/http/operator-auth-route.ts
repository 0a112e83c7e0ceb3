// The operator's sign-in link lands here. As for viewers (auth-routes.ts), GET
// only shows a button, so mail scanners cannot use up a one-time link; the
// button POSTs the token back, which opens the session and sets its cookie.
import { completeOperatorSignIn, OPERATOR_LINK_PATH } from "../auth/operator-email-sign-in.js";
import { isHttpsUrl, operatorSessionCookie } from "../auth/operator-sessions.js";
import { INVALID_LINK_MESSAGE, SignInLinkError } from "../auth/viewer-sessions.js";
import type { AppServices } from "../context.js";
import { escapeMarkup } from "../domain/markup.js";
import { page, readBody, sameOrigin } from "./auth-routes.js";
import { requestBaseUrl } from "./base-url.js";
import type { Route } from "./routes.js";

/** Serves OPERATOR_LINK_PATH. */
export function operatorAuthRoute(services: Pick<AppServices, "db" | "now" | "publicUrl">): Route {
  return async (req, res, url) => {
    if (url.pathname !== OPERATOR_LINK_PATH) return false;
    if (req.method === "GET" || req.method === "HEAD") {
      const token = url.searchParams.get("token") ?? "";
      if (!token) page(res, 400, "Sign-in link incomplete", `<p>${INVALID_LINK_MESSAGE}.</p>`);
      else page(res, 200, "Operator sign-in", signInForm(token));
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
    const token = new URLSearchParams(await readBody(req)).get("token") ?? "";
    const meta = { address: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
    try {
      const { secret, expiresAt } = await completeOperatorSignIn(services.db, token, meta, services.now());
      const base = new URL(baseUrl).pathname.replace(/\/+$/, "");
      res.writeHead(303, {
        location: `${base}/console`,
        "set-cookie": operatorSessionCookie(secret, expiresAt, isHttpsUrl(baseUrl)),
        "cache-control": "no-store",
      });
      res.end();
    } catch (error) {
      if (!(error instanceof SignInLinkError)) throw error;
      page(res, 400, "Sign-in link expired", `<p>${INVALID_LINK_MESSAGE}. Ask for a new one.</p>`);
    }
    return true;
  };
}

function signInForm(token: string): string {
  return (
    `<p>Sign in as an operator with the link from your email. It works once.</p>\n` +
    `<form method="post" action="operator">\n` +
    `<input type="hidden" name="token" value="${escapeMarkup(token)}">\n` +
    `<button type="submit">Sign in</button>\n</form>`
  );
}
