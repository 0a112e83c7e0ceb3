// Operator sign-in through OpenID Connect: `GET /auth/oidc/start` sends the browser to the
// provider, `GET /auth/oidc/callback` checks what it brings back, admits the person or not,
// and hands an admitted one to `completeSignIn`, which opens the operator session. Every
// refusal redirects to the console's sign-in page with a typed code; causes are logged.
import type { IncomingMessage, ServerResponse } from "node:http";
import { consumeAttempt, newAttempt, saveAttempt } from "../auth/oidc-attempts.js";
import type { OidcClient } from "../auth/oidc-client.js";
import { OidcSignInError } from "../auth/oidc-errors.js";
import { admitOrRefuse, type OperatorSignIn } from "../auth/operator-sign-in.js";
import type { Db } from "../db/client.js";
import { decideAdmission, type AdmissionPolicy } from "../domain/operator-admission.js";
import type { Logger } from "../logger.js";
import { clearOidcCookie, oidcCookie, readOidcCookie } from "./oidc-cookie.js";
import { getCookieString } from "@whatwg-node/cookie-store";
import type { Cookie } from "../auth/cookies.js";
import { sameOriginPath } from "./return-to.js";
import type { Route } from "./routes.js";

export const OIDC_START_PATH = "/auth/oidc/start";
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";

export interface OidcRouteOptions {
  client: OidcClient;
  db: Db;
  now: () => Date;
  /** The service's public URL (PUBLIC_URL); redirects and the cookie's path and Secure flag follow it. */
  publicUrl: string;
  policy: AdmissionPolicy;
  operators: OperatorSignIn;
  /** The logger of the request being served. */
  log: () => Logger;
}

/** The two routes; mounted only when OpenID Connect is configured. */
export function oidcRoutes(options: OidcRouteOptions): Route {
  const base = new URL(options.publicUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const secure = base.protocol === "https:";
  const cookiePath = `${basePath}/auth/oidc`;
  const refuse = (res: ServerResponse, error: OidcSignInError) => {
    options.log().info({ oidc: { refused: error.code, cause: String(error.cause ?? error.message) } }, `OIDC sign-in refused: ${error.message}`);
    redirect(res, `${basePath}/console/sign-in?error=${error.code}`, clearOidcCookie(cookiePath, secure));
  };

  const start = async (res: ServerResponse, url: URL) => {
    const requested = url.searchParams.get("returnTo");
    const returnTo = requested === null ? `${basePath}/console` : sameOriginPath(requested, base);
    if (returnTo === null) throw new OidcSignInError("oidc_invalid_return_to", "returnTo must be a path on this service");
    const attempt = await newAttempt();
    // Stored once the provider is known to be there: a failed discovery leaves nothing behind.
    const location = await options.client.authorizationUrl(attempt);
    const now = options.now();
    await saveAttempt(options.db, attempt, returnTo, now);
    redirect(res, location.href, oidcCookie(attempt.binding, cookiePath, secure, now));
  };

  const callback = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const now = options.now();
    const consumed = await consumeAttempt(options.db, url.searchParams.get("state"), readOidcCookie(req.headers.cookie), now);
    if (consumed.kind === "expired") throw new OidcSignInError("oidc_attempt_expired", "the sign-in took too long");
    if (consumed.kind !== "ok")
      throw new OidcSignInError("oidc_state_mismatch", `the state is ${consumed.kind === "unknown" ? "unknown or used" : "another browser's"}`);
    // The library reads the answer from the URL the provider sent the browser to.
    const callbackUrl = new URL(`${base.origin}${basePath}${OIDC_CALLBACK_PATH}${url.search}`);
    const identity = await options.client.verifyCallback(callbackUrl, consumed.attempt, now);
    const decision = decideAdmission(identity.email, options.policy, await options.operators.findOperator(identity.email));
    const admitted = admitOrRefuse(decision);
    const request = toRequest(req, callbackUrl);
    const response = await options.operators.completeSignIn(admitted, identity, {
      request,
      ip: req.socket.remoteAddress ?? null,
      returnTo: consumed.attempt.returnTo,
      secure,
    });
    await send(res, response, clearOidcCookie(cookiePath, secure));
  };

  return async (req, res, url) => {
    if (url.pathname !== OIDC_START_PATH && url.pathname !== OIDC_CALLBACK_PATH) return false;
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    try {
      if (url.pathname === OIDC_START_PATH) await start(res, url);
      else await callback(req, res, url);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      refuse(res, error);
    }
    return true;
  };
}

function redirect(res: ServerResponse, location: string, cookie: Cookie): void {
  res.writeHead(303, { location, "set-cookie": getCookieString(cookie), "cache-control": "no-store", "referrer-policy": "no-referrer" }).end();
}

/** The callback as a Fetch request, for completeSignIn (headers: user agent, cookies). */
function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(url, { method: "GET", headers });
}

/** Writes completeSignIn's answer, adding the cookie that ends the attempt. */
async function send(res: ServerResponse, response: Response, clearCookie: Cookie): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  headers["set-cookie"] = [...response.headers.getSetCookie(), getCookieString(clearCookie)];
  headers["cache-control"] = "no-store";
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}
