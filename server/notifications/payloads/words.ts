// The words chat messages use for the body's values, and text cut to a format's limit.
import { STATUS_WORDS as STATUS_NAMES } from "../../domain/status-words.js";
import type { WebhookEvent } from "./event.js";

/** Statuses of incidents and maintenance as people read them, by the name the payload carries. */
export const STATUS_WORDS: Record<string, string> = STATUS_NAMES;

/** Impacts and component statuses as people read them. */
export const IMPACT_WORDS: Record<string, string> = {
  NO_IMPACT: "No impact",
  OPERATIONAL: "Operational",
  UNDER_MAINTENANCE: "Under maintenance",
  DEGRADED_PERFORMANCE: "Degraded performance",
  PARTIAL_OUTAGE: "Partial outage",
  FULL_OUTAGE: "Full outage",
};

/** `text` cut to at most `max` characters (code points, never half a pair), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** What a chat message says of an event, before the format's escaping. */
export interface ChatSummary {
  /** e.g. "Incident: API errors" or "Component status changed". */
  title: string;
  /** e.g. "Investigating"; null for component changes. */
  status: string | null;
  /** The maintenance window, ISO instants. */
  window: string | null;
  /** Markdown; empty for events without a message. */
  message: string;
  /** One line per affected component: name and what happens to it. */
  components: { name: string; state: string }[];
  url: string;
  pageTitle: string;
}

/** The facts every chat format shows, from one event. */
export function summarize(event: WebhookEvent): ChatSummary {
  const pageTitle = event.subPage ? `${event.page.title} — ${event.subPage.name}` : event.page.title;
  const url = event.subPage?.url ?? event.page.url;
  const changes = event.components.map((c) => ({ name: c.name, state: `${IMPACT_WORDS[c.from]} → ${IMPACT_WORDS[c.to]}` }));
  const base = { pageTitle, url, window: null, message: "", components: changes };
  if (event.type === "component.status_changed") return { ...base, title: "Component status changed", status: null };
  if ("incident" in event) {
    const i = event.incident;
    if (!("status" in i)) return { ...base, title: `Incident deleted: ${i.name ?? i.id}`, status: null };
    const impacts = i.impacts.map((c) => ({ name: c.componentName, state: IMPACT_WORDS[c.impact]! }));
    return { ...base, title: `Incident: ${i.name}`, status: STATUS_WORDS[i.status]!, message: i.message, components: impacts, url: i.url };
  }
  const m = event.maintenance;
  if (!("status" in m)) return { ...base, title: `Maintenance deleted: ${m.name ?? m.id}`, status: null };
  const impacts = m.impacts.map((c) => ({ name: c.componentName, state: IMPACT_WORDS[c.impact]! }));
  return {
    ...base,
    title: `Maintenance: ${m.name}`,
    status: STATUS_WORDS[m.status]!,
    window: `${m.startsAt} to ${m.endsAt}`,
    message: m.message,
    components: impacts,
    url: m.url,
  };
}
