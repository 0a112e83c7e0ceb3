// Browsers send form-urlencoded, multipart and text/plain POSTs to any site
// without asking first (no CORS preflight), with that site's cookies. So a
// mutation over HTTP runs only with a JSON body or with a header no form can
// set; pages of other sites can send neither without a preflight, which only
// configured origins pass. Queries change nothing and keep working as they are
// (GET included, for CDNs and curl).
//
// Not @graphql-yoga/plugin-csrf-prevention: it asks the header of every request
// without a JSON body, GET queries included.
import { getOperationAST, type DocumentNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** The header that lets a mutation through in a body other than JSON (Yoga's convention). */
export const CSRF_HEADER = "x-graphql-yoga-csrf";

/** Media types Yoga reads as a JSON body; a page of another site cannot send these without a preflight. */
const JSON_TYPES = new Set(["application/json", "application/graphql+json"]);

function mayChangeState(request: Request): boolean {
  if (request.headers.has(CSRF_HEADER)) return true;
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  return JSON_TYPES.has(mediaType);
}

export function csrfRefused() {
  return createGraphQLError(`Mutations need a JSON body (Content-Type: application/json) or an ${CSRF_HEADER} header.`, {
    extensions: { code: "CSRF_REFUSED", http: { status: 403 } },
  });
}

export function useCsrfPrevention(): Plugin {
  return {
    onParse() {
      return ({ result, context }) => {
        const { request, params } = context as { request?: Request; params?: { operationName?: string } };
        // graphql-ws operations have no Fetch request; their cookie is judged at the upgrade (realtime/websocket.ts).
        if (!request || result instanceof Error) return;
        const operation = getOperationAST(result as DocumentNode, params?.operationName);
        if (operation?.operation === "mutation" && !mayChangeState(request)) throw csrfRefused();
      };
    },
  };
}
