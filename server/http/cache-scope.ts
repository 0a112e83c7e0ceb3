// Which answers may be shared between callers, by this server's response cache
// and by HTTP caches (browsers, CDNs). Only requests without credentials take
// part, and of those only queries of the public read fields. A customer page's
// answer depends on who is signed in: a CDN that ignores cookies would hand one
// viewer's sub-page to another, or the signed-out view to a viewer. So a
// resolver that touches a customer page marks the answer private.
import { getOperationAST, Kind, type ExecutionArgs } from "graphql";
import { readSessionCookie } from "../auth/cookies.js";

/** Root fields whose answers are the same for every anonymous caller (customer pages aside). */
const PAGE_FIELDS = new Set(["statusPage", "statusPages"]);

const privateAnswers = new WeakSet<object>();

/** No Authorization header and no session cookie. WebSocket operations have no Fetch request and never qualify. */
export function isAnonymous(request: Request | undefined): boolean {
  return request !== undefined && !request.headers.has("authorization") && readSessionCookie(request.headers.get("cookie")) === null;
}

/** The answer of the operation running with this context depends on who asks: never share it. */
export function answerIsPrivate(context: object): void {
  privateAnswers.add(context);
}

export function isShareable(context: object): boolean {
  return !privateAnswers.has(context);
}

/**
 * Marks every operation but a query of the page fields (with `__typename` beside
 * them, if asked). `{ __typename }` alone costs less to answer than to cache.
 */
export function checkOperation(args: ExecutionArgs): void {
  const operation = getOperationAST(args.document, args.operationName);
  const names = operation?.operation === "query" ? operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : null)) : [null];
  const shareable = names.every((n) => n === "__typename" || (n !== null && PAGE_FIELDS.has(n))) && names.some((n) => n !== null && PAGE_FIELDS.has(n));
  if (!shareable) answerIsPrivate(args.contextValue as object);
}
