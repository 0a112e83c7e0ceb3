// Who hears of an incident or maintenance: the confirmed email subscribers of its page
// whose choices it touches. A customer page's subscribers belong to one sub-page each
// and hear only of what affects that sub-page's components, and only while their
// address's domain is still allowed there.
import type { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { domainAllowed } from "../domain/email.js";
import { parseMailbox } from "../domain/mailbox.js";
import { subPageComponentIds } from "../services/page-components.js";

type Reader = Db | Prisma.TransactionClient;

/** A confirmed subscriber a notification goes to. */
export interface EmailRecipient {
  id: string;
  email: string;
  subPageId: string | null;
  linkSecret: string;
}

/** What an event is about: its page, and every component it names now or named before. */
export interface Audience {
  pageId: string;
  componentIds: readonly string[];
}

/** An enabled webhook endpoint a notification goes to. */
export interface WebhookRecipient {
  id: string;
  subPageId: string | null;
}

/**
 * The enabled webhook endpoints `audience` reaches, now: those choosing the event's
 * subject (INCIDENT, MAINTENANCE), or COMPONENT_STATUS when it names components. An
 * endpoint on a sub-page hears only of what affects that sub-page's components.
 */
export async function webhookRecipients(db: Reader, audience: Audience & { subject: string }): Promise<WebhookRecipient[]> {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { pageId: audience.pageId, enabled: true },
    select: { id: true, subPageId: true, events: true },
    orderBy: { id: "asc" },
  });
  const chose = (e: { events: string }) => {
    const events = JSON.parse(e.events) as string[];
    return events.includes(audience.subject) || (events.includes("COMPONENT_STATUS") && audience.componentIds.length > 0);
  };
  const chosen = endpoints.filter(chose);
  const subPageIds = [...new Set(chosen.flatMap((e) => (e.subPageId ? [e.subPageId] : [])))];
  const reached = subPageIds.length > 0 ? await subPagesReached(db, subPageIds, new Set(audience.componentIds)) : new Set<string>();
  return chosen.filter((e) => e.subPageId === null || reached.has(e.subPageId)).map((e) => ({ id: e.id, subPageId: e.subPageId }));
}

/** One page of an audience's subscribers: those reached among the next rows by id; `complete` when no rows are left after `lastId`. */
export interface RecipientPage {
  recipients: EmailRecipient[];
  lastId: string | null;
  complete: boolean;
}

/**
 * Reads the subscribers `audience` reaches, now, a page at a time in id order (a large
 * audience is never one long read); null when the page is gone.
 */
export async function emailAudience(db: Reader, audience: Audience): Promise<((after: string | null, take?: number) => Promise<RecipientPage>) | null> {
  const page = await db.statusPage.findUnique({ where: { id: audience.pageId }, select: { kind: true, domainsAttributeId: true } });
  if (!page) return null;
  const touched = new Set(audience.componentIds);
  const chose = (s: { componentIds: string }) => {
    const chosen = JSON.parse(s.componentIds) as string[];
    return chosen.length === 0 || chosen.some((id) => touched.has(id));
  };
  let reaches = (s: { subPageId: string | null; email: string }) => s.subPageId === null;
  if (page.kind !== "PUBLIC") {
    const subPages = await db.subPage.findMany({ where: { pageId: audience.pageId }, select: { id: true } });
    const reached = await subPagesReached(
      db,
      subPages.map((p) => p.id),
      touched,
    );
    const domains = await allowedDomains(db, page.domainsAttributeId, [...reached]);
    reaches = (s) => {
      if (s.subPageId === null || !reached.has(s.subPageId)) return false;
      const mailbox = parseMailbox(s.email);
      return mailbox !== null && domainAllowed(mailbox.domain, domains.get(s.subPageId) ?? []);
    };
  }
  return async (after, take) => {
    const rows = await db.emailSubscriber.findMany({
      where: { pageId: audience.pageId, confirmedAt: { not: null }, unsubscribedAt: null, ...(after === null ? {} : { id: { gt: after } }) },
      select: { id: true, email: true, subPageId: true, linkSecret: true, componentIds: true },
      orderBy: { id: "asc" },
      ...(take === undefined ? {} : { take }),
    });
    const recipients = rows.filter((s) => reaches(s) && chose(s)).map(recipient);
    return { recipients, lastId: rows.at(-1)?.id ?? after, complete: take === undefined || rows.length < take };
  };
}

/** The subscribers `audience` reaches, now, all at once. */
export async function emailRecipients(db: Reader, audience: Audience): Promise<EmailRecipient[]> {
  const read = await emailAudience(db, audience);
  return read ? (await read(null)).recipients : [];
}

function recipient(s: EmailRecipient): EmailRecipient {
  return { id: s.id, email: s.email, subPageId: s.subPageId, linkSecret: s.linkSecret };
}

/** Sub-pages showing any of the components touched. */
async function subPagesReached(db: Reader, subPageIds: string[], touched: Set<string>): Promise<Set<string>> {
  const bySubPage = await subPageComponentIds(db, subPageIds);
  return new Set([...bySubPage].filter(([, ids]) => ids.some((id) => touched.has(id))).map(([id]) => id));
}

/** The email domains each sub-page currently allows. */
async function allowedDomains(db: Reader, attributeId: string | null, subPageIds: string[]): Promise<Map<string, string[]>> {
  if (!attributeId || subPageIds.length === 0) return new Map();
  const subPages = await db.subPage.findMany({
    where: { id: { in: subPageIds } },
    select: { id: true, entry: { select: { values: { where: { attributeId }, select: { text: true } } } } },
  });
  return new Map(subPages.map((s) => [s.id, s.entry.values.flatMap((v) => (v.text === null ? [] : [v.text]))]));
}
