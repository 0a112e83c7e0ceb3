// Cross-origin reads of /graphql. Yoga's own CORS answers every Origin with that
// origin and Allow-Credentials, which lets any site read what a signed-in
// viewer's cookie shows. Here only configured origins (CORS_ORIGINS) get
// credentials; every other origin gets `*`, which browsers never combine with
// cookies, so public pages stay readable from anywhere, signed out. Same-origin
// requests need no CORS at all.
//
// Written here rather than through Yoga's `cors` option: that option cannot
// answer `*` (it echoes the request's origin in its place).
import type { Plugin } from "graphql-yoga";
import { requestOrigin, type OriginPolicy } from "./origins.js";

const PREFLIGHT_MAX_AGE_SECONDS = 600;

function corsHeaders(request: Request, policy: OriginPolicy): Record<string, string> {
  const origin = requestOrigin(request.headers.get("origin"));
  const headers: Record<string, string> =
    origin !== null && policy.configured.has(origin)
      ? { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" }
      : { "Access-Control-Allow-Origin": "*" };
  if (request.method === "OPTIONS") {
    headers["Access-Control-Allow-Methods"] = "GET, POST";
    // Asked-for headers carry no ambient authority (cookies are governed by the origin above).
    const asked = request.headers.get("access-control-request-headers");
    if (asked) headers["Access-Control-Allow-Headers"] = asked;
    headers["Access-Control-Max-Age"] = String(PREFLIGHT_MAX_AGE_SECONDS);
  }
  return headers;
}

/** CORS for Yoga created with `cors: false`; list it after plugins that set `Vary`, since it adds to it. */
export function useCors(policy: OriginPolicy): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === "OPTIONS") endResponse(new fetchAPI.Response(null, { status: 204, headers: { "Content-Length": "0" } }));
    },
    onResponse({ request, response }) {
      for (const [name, value] of Object.entries(corsHeaders(request, policy))) response.headers.set(name, value);
      // Without configured origins the answer is the same for every origin, so caches may share it.
      if (policy.configured.size > 0) {
        const vary = response.headers.get("Vary");
        if (!vary?.split(",").some((v) => v.trim().toLowerCase() === "origin")) response.headers.set("Vary", vary ? `${vary}, Origin` : "Origin");
      }
    },
  };
}
