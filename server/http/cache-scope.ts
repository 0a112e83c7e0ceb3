// Which answers may be shared between callers, by this server's response cache
// and by HTTP caches (browsers, CDNs). Only requests without credentials take
// part, and of those only queries of the public read fields. A customer page's
// answer depends on who is signed in: a CDN that ignores cookies would hand one
// viewer's sub-page to another, or the signed-out view to a viewer. So an
// answer that showed a customer page (resolvers note it, services/answer-audience.ts)
// is private. Signed-in viewers' answers are kept by this server only, apart
// (viewer-answers.ts).
import { getOperationAST, Kind, type ExecutionArgs } from "graphql";
import { readSessionCookie } from "../auth/cookies.js";
import { readOperatorSessionCookie } from "../auth/operator-sessions.js";
import { hasShownCustomerPage } from "../services/answer-audience.js";

/** Root fields whose answers are the same for every anonymous caller (customer pages aside). */
const PAGE_FIELDS = new Set(["statusPage", "statusPages"]);

/** Root fields whose answers are the same for every viewer with the same access set (viewer-answers.ts). */
const VIEWER_FIELDS = new Set([...PAGE_FIELDS, "subPage", "viewer"]);

const privateAnswers = new WeakSet<object>();
const unsharedWithViewers = new WeakSet<object>();

/** No Authorization header and no session cookie (a viewer's or an operator's). WebSocket operations have no Fetch request and never qualify. */
export function isAnonymous(request: Request | undefined): boolean {
  if (request === undefined || request.headers.has("authorization")) return false;
  const cookie = request.headers.get("cookie");
  return readSessionCookie(cookie) === null && readOperatorSessionCookie(cookie) === null;
}

/** The answer of the operation running with this context depends on who asks: never share it. */
function answerIsPrivate(context: object): void {
  privateAnswers.add(context);
}

/** Whether an anonymous caller's answer may be shared: a query of the page fields that showed no customer page. */
export function isShareable(context: object): boolean {
  return !privateAnswers.has(context) && !hasShownCustomerPage(context);
}

/** Whether a signed-in viewer's answer may be kept for every viewer with the same access set. */
export function isShareableAmongViewers(context: object): boolean {
  return !unsharedWithViewers.has(context);
}

/**
 * Marks every operation but a query of the page fields (with `__typename` beside
 * them, if asked), and for viewers of the viewer fields. `{ __typename }` alone
 * costs less to answer than to cache.
 */
export function checkOperation(args: ExecutionArgs): void {
  const operation = getOperationAST(args.document, args.operationName);
  const names = operation?.operation === "query" ? operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : null)) : [null];
  const only = (fields: Set<string>) =>
    names.every((n) => n === "__typename" || (n !== null && fields.has(n))) && names.some((n) => n !== null && fields.has(n));
  const context = args.contextValue as object;
  if (!only(PAGE_FIELDS)) answerIsPrivate(context);
  if (!only(VIEWER_FIELDS)) unsharedWithViewers.add(context);
}
