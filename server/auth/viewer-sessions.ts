// Customer-page viewers: email sign-in links, and the sessions they lead to.
// Which sub-pages a viewer sees is never stored; it is recomputed from the catalog
// on every use, so removing a domain from a customer revokes access at once.
import type { ViewerSession } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { domainAllowed } from "../domain/email.js";
import { MAX_ADDRESS_LENGTH, parseMailbox } from "../domain/mailbox.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { defaultLogger } from "../logger.js";
import type { CredentialCache } from "./credential-cache.js";
import type { Mailer } from "./mailer.js";
import { takeSignIn, type SignInLimits } from "./sign-in-limits.js";
import { SESSION_TTL_MS, SIGN_IN_LINK_TTL_MS, hashSecret, isSecretOf, newSecret } from "./tokens.js";

export const INVALID_LINK_MESSAGE = "This sign-in link is invalid or has expired";

/** One error, one message for unknown, used and expired links: which it was is nobody's business. */
export class SignInLinkError extends Error {
  constructor() {
    super(INVALID_LINK_MESSAGE);
    this.name = "SignInLinkError";
  }
}

export interface SignInRequestInput {
  pageSlug: string;
  email: string;
  /** Public origin of the web client, e.g. `https://status.example.com`. */
  baseUrl: string;
  now: Date;
  /** Omit only where limits are enforced elsewhere (tests of other behaviour). */
  limits?: SignInLimits;
  /** Identifies the requester for the per-client limit, e.g. its IP address. */
  client?: string | null;
  /** Receives failures of the background delivery; defaults to logging them. */
  onError?: (error: unknown) => void;
}

export interface SignInRequest {
  /**
   * Settles when the link has been mailed, or at once when the domain is not
   * allowed; never rejects. Callers answer without awaiting it, so the response
   * time cannot tell an allowed domain (a write and an SMTP exchange) from another.
   */
  delivery: Promise<void>;
}

/** Throws ValidationError (`email`/`format`), RateLimitedError, NotFoundError (unknown or public page) — never anything domain-specific. */
export async function requestSignIn(db: Db, mailer: Mailer, input: SignInRequestInput): Promise<SignInRequest> {
  const email = input.email.trim();
  // Only text that cannot be an address at all is told so; any other refusal (lists, names, comments, hidden characters) is answered like an unknown domain, so probing the parser teaches nothing.
  if (email.length === 0 || email.length > MAX_ADDRESS_LENGTH || !email.includes("@")) {
    throw ValidationError.of("email", "format", "must be an email address such as name@example.com");
  }
  const mailbox = parseMailbox(email);
  // Keyed by the normalized address, so spelling it another way does not buy more links.
  if (input.limits) await takeSignIn(input.limits, mailbox?.address ?? email, input.client, input.now);
  // Page slugs are public URLs, so saying a page does not exist reveals nothing.
  const page = await db.statusPage.findUnique({ where: { slug: input.pageSlug } });
  if (page?.kind !== "CUSTOMER") throw new NotFoundError("customer page", input.pageSlug);
  const onError = input.onError ?? ((error: unknown) => defaultLogger().error({ err: error }, "Sign-in mail failed"));
  const delivery = (async () => {
    if (mailbox === null || (await admittedSubPageIds(db, page, mailbox.address)).length === 0) return;
    const { secret, hash } = newSecret("sg_link");
    const expiresAt = new Date(input.now.getTime() + SIGN_IN_LINK_TTL_MS);
    await db.signInToken.create({ data: { hash, email: mailbox.address, pageId: page.id, createdAt: input.now, expiresAt } });
    const base = input.baseUrl.replace(/\/+$/, "");
    const link = `${base}/auth/callback?token=${secret}&page=${encodeURIComponent(page.slug)}`;
    await mailer.sendSignInLink(mailbox, link, page.title);
  })().catch(onError);
  return { delivery };
}

export interface CompletedSignIn {
  /** Set as the cookie, or handed to API clients as a bearer token; not stored. */
  sessionSecret: string;
  session: ViewerSession;
  pageSlug: string;
  subPageIds: string[];
}

/** Exchanges a sign-in link's secret for a session; throws SignInLinkError. */
export async function completeSignIn(db: Db, secret: string, now: Date): Promise<CompletedSignIn> {
  if (!isSecretOf("sg_link", secret)) throw new SignInLinkError();
  const hash = hashSecret(secret);
  // The conditional write is the single point of truth: of two racing requests
  // with the same link, exactly one sees count 1.
  const used = await db.signInToken.updateMany({
    where: { hash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new SignInLinkError();
  const token = await db.signInToken.findUnique({ where: { hash }, include: { page: true } });
  if (!token) throw new SignInLinkError();
  const { secret: sessionSecret, hash: sessionHash } = newSecret("sg_session");
  const session = await db.viewerSession.create({
    data: {
      hash: sessionHash,
      email: token.email,
      pageId: token.pageId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  const subPageIds = await admittedSubPageIds(db, token.page, token.email);
  return { sessionSecret, session, pageSlug: token.page.slug, subPageIds };
}

export interface AuthenticatedViewer {
  sessionId: string;
  email: string;
  pageId: string;
  /** The sub-pages the address's domain is allowed on, as of now. */
  subPageIds: string[];
  expiresAt: Date;
}

/** The viewer a session secret belongs to, or null when unknown, expired or signed out; `cache` spares the database on repeat. */
export async function authenticateViewer(db: Db, secret: string, now: Date, cache?: CredentialCache): Promise<AuthenticatedViewer | null> {
  if (!isSecretOf("sg_session", secret)) return null;
  const hash = hashSecret(secret);
  const load = () => db.viewerSession.findUnique({ where: { hash }, include: { page: { select: { id: true, kind: true, domainsAttributeId: true } } } });
  const session = cache ? await cache.session(hash, load) : await load();
  // Checked on every use, cached or not: a kept session expires on time.
  if (!session || session.endedAt || session.expiresAt <= now) return null;
  const admit = () => admittedSubPageIds(db, session.page, session.email);
  const subPageIds = cache ? await cache.admitted(session.pageId, session.email, admit) : await admit();
  return { sessionId: session.id, email: session.email, pageId: session.pageId, subPageIds, expiresAt: session.expiresAt };
}

/** Ends the session; true when there was a live one to end. */
export async function signOut(db: Db, secret: string, now: Date): Promise<boolean> {
  if (!isSecretOf("sg_session", secret)) return false;
  const ended = await db.viewerSession.updateMany({
    where: { hash: hashSecret(secret), endedAt: null, expiresAt: { gt: now } },
    data: { endedAt: now },
  });
  return ended.count === 1;
}

/**
 * Ends a session already authenticated (see resolveActor) by its id; true when it was live.
 * Once ended, every instance is told: the live subscriptions it opened end, and cached copies of it are dropped.
 */
export async function endSession(db: Db, events: Events, sessionId: string, now: Date, cache?: CredentialCache): Promise<boolean> {
  const ended = await db.viewerSession.updateMany({ where: { id: sessionId, endedAt: null, expiresAt: { gt: now } }, data: { endedAt: now } });
  // Dropped here before the event goes out: through Redis, this instance hears its own event only after a round trip.
  cache?.forgetSession(sessionId);
  if (ended.count === 1) events.publish("sessions:ended", sessionId);
  return ended.count === 1;
}

/** Deletes links and sessions that can no longer be used; for a periodic job. */
export async function pruneSignIns(db: Db, now: Date): Promise<void> {
  await db.signInToken.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.viewerSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { endedAt: { not: null } }] } });
}

interface DomainsPage {
  id: string;
  kind: "PUBLIC" | "CUSTOMER";
  domainsAttributeId: string | null;
}

/** Sub-pages of `page` whose allowed email domains contain the address's domain, in display order. */
export async function admittedSubPageIds(db: Db, page: DomainsPage, email: string): Promise<string[]> {
  // Parsed again, not trusted: an address stored before parsing was this strict admits nothing.
  const mailbox = parseMailbox(email);
  if (page.kind !== "CUSTOMER" || !page.domainsAttributeId || mailbox === null) return [];
  // Equality in SQL relies on domains being stored normalized (services/catalog-values.ts);
  // domainAllowed re-checks with the one matching rule, so a stray row can only deny.
  const subPages = await db.subPage.findMany({
    where: { pageId: page.id, entry: { values: { some: { attributeId: page.domainsAttributeId, text: mailbox.domain } } } },
    orderBy: [{ entry: { rank: "asc" } }, { name: "asc" }],
    select: { id: true, entry: { select: { values: { where: { attributeId: page.domainsAttributeId }, select: { text: true } } } } },
  });
  return subPages
    .filter((s) =>
      domainAllowed(
        mailbox.domain,
        s.entry.values.flatMap((v) => (v.text === null ? [] : [v.text])),
      ),
    )
    .map((s) => s.id);
}
