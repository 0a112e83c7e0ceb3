// Email subscriptions: double opt-in. subscribe() answers the same for new, pending
// and confirmed addresses and sends, at most, a confirmation link (one-time, expiring,
// only its hash kept); nothing else is sent before it is used. The link secret of the
// manage and unsubscribe links is random per subscriber and mailed with every notification.
import type { Db } from "../db/client.js";
import { domainAllowed } from "../domain/email.js";
import { MAX_ADDRESS_LENGTH, parseMailbox } from "../domain/mailbox.js";
import { ValidationError } from "../errors.js";
import { takeSignIn, type SignInLimits } from "../auth/sign-in-limits.js";
import { hashSecret, isSecretOf, newSecret } from "../auth/tokens.js";
import { pageComponentIds, subPageComponentIds } from "../services/page-components.js";
import { renderConfirmation } from "./email-template.js";
import type { MailTransport } from "./transport.js";

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

export interface SubscribeInput {
  pageSlug: string;
  subPageSlug?: string | null;
  email: string;
  /** Empty or absent: the whole page (or sub-page). */
  componentIds?: readonly string[] | null;
  baseUrl: string;
  now: Date;
  limits?: SignInLimits;
  client?: string | null;
  onError?: (error: unknown) => void;
}

interface Target {
  pageId: string;
  pageTitle: string;
  subPageId: string | null;
  componentIds: Set<string>;
}

/** The page or sub-page subscribed to, and the components it shows; ValidationError naming the field otherwise. */
async function target(db: Db, input: SubscribeInput, domain: string): Promise<Target> {
  const page = await db.statusPage.findUnique({ where: { slug: input.pageSlug }, select: { id: true, title: true, kind: true, domainsAttributeId: true } });
  if (!page) throw ValidationError.of("input.page", "not_found", `no status page "${input.pageSlug}"`);
  if (page.kind === "PUBLIC") {
    if (input.subPageSlug) throw ValidationError.of("input.subPage", "not_allowed", "a public page has no sub-pages");
    return { pageId: page.id, pageTitle: page.title, subPageId: null, componentIds: await pageComponentIds(db, page.id) };
  }
  if (!input.subPageSlug) throw ValidationError.of("input.subPage", "required", "subscribe to one sub-page of a customer page");
  const subPage = await db.subPage.findUnique({
    where: { pageId_slug: { pageId: page.id, slug: input.subPageSlug } },
    select: { id: true, name: true, entry: { select: { values: { where: { attributeId: page.domainsAttributeId ?? "" }, select: { text: true } } } } },
  });
  if (!subPage) throw ValidationError.of("input.subPage", "not_found", `no sub-page "${input.subPageSlug}"`);
  const domains = subPage.entry.values.flatMap((v) => (v.text === null ? [] : [v.text]));
  if (!domainAllowed(domain, domains))
    throw ValidationError.of("input.email", "domain_not_allowed", "this page takes subscriptions only from its customer's email domains");
  const components = (await subPageComponentIds(db, [subPage.id])).get(subPage.id) ?? [];
  return { pageId: page.id, pageTitle: `${page.title} — ${subPage.name}`, subPageId: subPage.id, componentIds: new Set(components) };
}

function chosenComponents(given: readonly string[] | null | undefined, shown: Set<string>): string[] {
  const chosen = [...new Set(given ?? [])];
  if (chosen.length > 500) throw ValidationError.of("input.componentIds", "too_big", "must hold at most 500 items");
  const unknown = chosen.filter((id) => !shown.has(id));
  if (unknown.length > 0) throw ValidationError.of("input.componentIds", "not_on_page", `not shown on this page: ${unknown.join(", ")}`);
  return chosen;
}

/**
 * Records a pending subscription (or refreshes one) and mails its confirmation link in
 * the background; a confirmed address gets nothing. Throws ValidationError, RateLimitedError.
 */
export async function subscribe(db: Db, transport: MailTransport, input: SubscribeInput): Promise<void> {
  const email = input.email.trim();
  const mailbox = email.length <= MAX_ADDRESS_LENGTH ? parseMailbox(email) : null;
  if (!mailbox) throw ValidationError.of("input.email", "format", "must be one email address such as name@example.com");
  if (input.limits) await takeSignIn(input.limits, mailbox.address, input.client, input.now);
  const to = await target(db, input, mailbox.domain);
  const componentIds = JSON.stringify(chosenComponents(input.componentIds, to.componentIds));
  const key = { pageId: to.pageId, scope: to.subPageId ?? "", email: mailbox.address };
  const existing = await db.emailSubscriber.findUnique({ where: { pageId_scope_email: key } });
  if (existing?.confirmedAt && !existing.unsubscribedAt) return;
  const { secret, hash } = newSecret("sg_confirm");
  const expiresAt = new Date(input.now.getTime() + CONFIRMATION_TTL_MS);
  await db.emailSubscriber.upsert({
    where: { pageId_scope_email: key },
    create: {
      ...key,
      subPageId: to.subPageId,
      componentIds,
      linkSecret: newSecret("sg_sub").secret,
      createdAt: input.now,
      confirmations: { create: { hash, createdAt: input.now, expiresAt } },
    },
    update: { componentIds, confirmations: { create: { hash, createdAt: input.now, expiresAt } } },
  });
  const confirmUrl = `${input.baseUrl.replace(/\/+$/, "")}/subscriptions/confirm?token=${secret}`;
  // Not awaited: the answer's timing must not tell a new address from a pending one.
  void (async () => {
    const { html, text } = await renderConfirmation({ pageTitle: to.pageTitle, confirmUrl, hours: CONFIRMATION_TTL_MS / 3_600_000 });
    await transport.send({ to: mailbox.address, subject: `Confirm your subscription to ${to.pageTitle}`, html, text });
  })().catch(input.onError ?? (() => {}));
}

/** Confirms the subscription a confirmation link belongs to; ValidationError (`token`: `unknown`, `used`, `expired`). */
export async function confirmSubscription(db: Db, secret: string, now: Date) {
  const hash = isSecretOf("sg_confirm", secret) ? hashSecret(secret) : null;
  // The conditional write decides: of two uses of one link, exactly one counts.
  const used = hash
    ? await db.subscriptionConfirmation.updateMany({ where: { hash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
    : { count: 0 };
  const link = hash ? await db.subscriptionConfirmation.findUnique({ where: { hash } }) : null;
  if (!link) throw ValidationError.of("token", "unknown", "this confirmation link is not one we sent");
  if (used.count !== 1 && link.usedAt) throw ValidationError.of("token", "used", "this confirmation link was already used");
  if (used.count !== 1) throw ValidationError.of("token", "expired", "this confirmation link has expired; subscribe again for a new one");
  return db.emailSubscriber.update({ where: { id: link.subscriberId }, data: { confirmedAt: now, unsubscribedAt: null } });
}

async function bySecret(db: Db, secret: string) {
  const subscriber = isSecretOf("sg_sub", secret) ? await db.emailSubscriber.findUnique({ where: { linkSecret: secret } }) : null;
  if (!subscriber) throw ValidationError.of("token", "unknown", "this unsubscribe link is not one we sent");
  return subscriber;
}

/** Ends a subscription by its link secret (again: no change); ValidationError (`token`, `unknown`). */
export async function unsubscribe(db: Db, secret: string, now: Date) {
  const subscriber = await bySecret(db, secret);
  if (subscriber.unsubscribedAt) return subscriber;
  return db.emailSubscriber.update({ where: { id: subscriber.id }, data: { unsubscribedAt: now } });
}

/** The subscription a manage link shows, with the components it may choose from. */
export async function subscriptionChoices(db: Db, secret: string) {
  const subscriber = await bySecret(db, secret);
  const shown = subscriber.subPageId
    ? ((await subPageComponentIds(db, [subscriber.subPageId])).get(subscriber.subPageId) ?? [])
    : [...(await pageComponentIds(db, subscriber.pageId))];
  const entries = await db.catalogEntry.findMany({ where: { id: { in: shown } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { subscriber, chosen: new Set(JSON.parse(subscriber.componentIds) as string[]), components: entries };
}

/** Changes which components a subscription covers (none: all of them). */
export async function chooseComponents(db: Db, secret: string, componentIds: string[]) {
  const { subscriber, components } = await subscriptionChoices(db, secret);
  const chosen = chosenComponents(componentIds, new Set(components.map((c) => c.id)));
  return db.emailSubscriber.update({ where: { id: subscriber.id }, data: { componentIds: JSON.stringify(chosen) } });
}
