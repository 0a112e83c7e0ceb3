// Webhook endpoints as changes: created, updated, re-keyed and deleted in the change's
// transaction, so each is audited like every other change. The signing secret is in the
// value a create or rotation returns, never in the change (nor its audit entry).
import { randomBytes } from "node:crypto";
import { descriptionSchema } from "../domain/limits.js";
import { webhookUrlProblem } from "../domain/webhook-url.js";
import { NotFoundError, ValidationError } from "../errors.js";
import type { Prisma, WebhookEndpoint } from "../generated/sqlite/client.js";
import type { Changed, Snapshot } from "./change.js";

type Tx = Prisma.TransactionClient;

/** What an endpoint may hear of. */
export const WEBHOOK_EVENT_TYPES = ["INCIDENT", "MAINTENANCE", "COMPONENT_STATUS"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type WebhookKind = WebhookEndpoint["kind"];

export interface WebhookEndpointInput {
  url?: string | null;
  kind?: WebhookKind | null;
  description?: string | null;
  enabled?: boolean | null;
  events?: readonly WebhookEventType[] | null;
}

/** A new endpoint: on a page, or on one sub-page of a customer page. */
export interface CreateWebhookEndpointInput extends WebhookEndpointInput {
  pageId: string;
  subPageId?: string | null;
  url: string;
  kind: WebhookKind;
}

/** A created or re-keyed endpoint with its secret, shown this once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/** A standardwebhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The event types an endpoint hears of. */
export function endpointEvents(endpoint: Pick<WebhookEndpoint, "events">): WebhookEventType[] {
  return JSON.parse(endpoint.events) as WebhookEventType[];
}

/** What an audit may keep of an endpoint: never its secret. */
export function endpointSnapshot({ secret: _secret, ...endpoint }: WebhookEndpoint): Snapshot {
  return { ...endpoint, events: endpointEvents({ events: endpoint.events }) };
}

/** A write of an endpoint as a change: `before` and `after` as an audit may keep them (null: created, deleted). */
function endpointChange<V>(value: V, summary: string, before: WebhookEndpoint | null, after: WebhookEndpoint | null): Changed<V> {
  const objectId = (after ?? before)!.id;
  const snapshot = (e: WebhookEndpoint | null) => (e ? endpointSnapshot(e) : null);
  return { value, change: { objectType: "WebhookEndpoint", objectId, summary, before: snapshot(before), after: snapshot(after), pages: [] } };
}

function checkedUrl(url: string, allowHttp: boolean): string {
  const trimmed = url.trim();
  const problem = webhookUrlProblem(trimmed, allowHttp);
  if (problem) throw ValidationError.of("input.url", problem.rule, problem.message);
  return trimmed;
}

function checkedEvents(events: readonly WebhookEventType[]): string {
  const chosen = [...new Set(events)];
  if (chosen.length === 0) throw ValidationError.of("input.events", "required", "choose at least one kind of event");
  return JSON.stringify(chosen);
}

function checkedDescription(description: string): string {
  const parsed = descriptionSchema.safeParse(description);
  if (!parsed.success) throw ValidationError.of("input.description", "invalid", parsed.error.issues[0]?.message ?? "is not valid");
  return parsed.data;
}

async function scope(tx: Tx, pageId: string, subPageId: string | null | undefined) {
  const page = await tx.statusPage.findFirst({ where: { OR: [{ id: pageId }, { slug: pageId }] }, select: { id: true, title: true } });
  if (!page) throw ValidationError.of("input.pageId", "not_found", `no status page "${pageId}"`);
  if (!subPageId) return { page, subPage: null };
  const subPage = await tx.subPage.findFirst({ where: { pageId: page.id, OR: [{ id: subPageId }, { slug: subPageId }] }, select: { id: true, name: true } });
  if (!subPage) throw ValidationError.of("input.subPageId", "not_found", `no sub-page "${subPageId}" on this page`);
  return { page, subPage };
}

/** Creates an endpoint. ValidationError naming the field: `input.url` (format, scheme, credentials, host, too_long), `input.events`, `input.pageId`, `input.subPageId`. */
export async function createWebhookEndpointChange(
  tx: Tx,
  input: CreateWebhookEndpointInput,
  now: Date,
  allowHttp: boolean,
): Promise<Changed<EndpointWithSecret>> {
  const url = checkedUrl(input.url, allowHttp);
  const events = checkedEvents(input.events ?? WEBHOOK_EVENT_TYPES);
  const description = checkedDescription(input.description ?? "");
  const { page, subPage } = await scope(tx, input.pageId, input.subPageId);
  const secret = newWebhookSecret();
  const endpoint = await tx.webhookEndpoint.create({
    data: {
      pageId: page.id,
      subPageId: subPage?.id ?? null,
      url,
      kind: input.kind,
      description,
      enabled: input.enabled ?? true,
      events,
      secret,
      createdAt: now,
      updatedAt: now,
    },
  });
  const summary = `Created webhook endpoint ${url} on "${page.title}"${subPage ? ` — ${subPage.name}` : ""}`;
  return endpointChange({ endpoint, secret }, summary, null, endpoint);
}

async function existing(tx: Tx, id: string): Promise<WebhookEndpoint> {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw new NotFoundError("webhook endpoint", id);
  return endpoint;
}

/** Changes an endpoint; enabling it again clears why it was disabled. Same ValidationErrors as create. */
export async function updateWebhookEndpointChange(
  tx: Tx,
  id: string,
  input: WebhookEndpointInput,
  now: Date,
  allowHttp: boolean,
): Promise<Changed<WebhookEndpoint>> {
  const before = await existing(tx, id);
  const data: Prisma.WebhookEndpointUpdateInput = { updatedAt: now };
  if (input.url != null) data.url = checkedUrl(input.url, allowHttp);
  if (input.events != null) data.events = checkedEvents(input.events);
  if (input.description != null) data.description = checkedDescription(input.description);
  if (input.kind != null) data.kind = input.kind;
  if (input.enabled != null) {
    data.enabled = input.enabled;
    if (input.enabled) Object.assign(data, { disabledAt: null, disabledReason: null });
  }
  const endpoint = await tx.webhookEndpoint.update({ where: { id: before.id }, data });
  return endpointChange(endpoint, `Updated webhook endpoint ${endpoint.url}`, before, endpoint);
}

/** Gives an endpoint a new signing secret; the old one stops signing at once. */
export async function rotateWebhookSecretChange(tx: Tx, id: string, now: Date): Promise<Changed<EndpointWithSecret>> {
  const before = await existing(tx, id);
  const secret = newWebhookSecret();
  const endpoint = await tx.webhookEndpoint.update({ where: { id: before.id }, data: { secret, updatedAt: now } });
  // The snapshots look the same (no secret in them): the summary says what changed.
  return endpointChange({ endpoint, secret }, `Rotated the signing secret of webhook endpoint ${endpoint.url}`, before, endpoint);
}

/** Deletes an endpoint with its delivery log; deliveries still queued for it are dropped when their turn comes. */
export async function deleteWebhookEndpointChange(tx: Tx, id: string): Promise<Changed<WebhookEndpoint>> {
  const before = await existing(tx, id);
  await tx.webhookEndpoint.delete({ where: { id: before.id } });
  return endpointChange(before, `Deleted webhook endpoint ${before.url}`, before, null);
}

/** Disables an endpoint the service gave up on, saying why; null when it was already disabled or is gone. */
export async function disableWebhookEndpointChange(tx: Tx, id: string, reason: string, now: Date): Promise<Changed<WebhookEndpoint | null>> {
  const before = await tx.webhookEndpoint.findUnique({ where: { id } });
  if (!before?.enabled) return { value: null, change: null };
  const endpoint = await tx.webhookEndpoint.update({ where: { id }, data: { enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now } });
  return endpointChange<WebhookEndpoint | null>(endpoint, `Disabled webhook endpoint ${endpoint.url}: ${reason}`, before, endpoint);
}

/** A page's endpoints (the page by id or slug), oldest first. */
export function listWebhookEndpoints(db: Tx, page: string): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { page: { OR: [{ id: page }, { slug: page }] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
