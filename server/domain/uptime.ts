/*
 * Uptime rule. A component's uptime is derived from the impacts recorded in incident
 * updates. An update's impacts hold from its publish time until the incident's next
 * update (a component absent from an update has no impact from then on); nothing holds
 * after a RESOLVED update, and an unresolved incident's latest impacts hold until now.
 * Full outage time counts 100% as downtime, partial outage 30%, degraded performance
 * and maintenance 0%. When incidents overlap on one component only the worst impact
 * counts at each instant, so time is never counted twice. Time is bucketed in UTC days:
 * a day's uptime is 1 - downtime / observed time of that day, and the window's uptime
 * is 1 - total downtime / total observed time. Observed time starts when the component
 * was added and ends now: earlier days have no data, and today is a partial day.
 */
import { compareStatus, impactStatus } from "./status.js";
import type { ComponentStatus, IncidentImpact, IncidentStatus } from "./types.js";

export const PARTIAL_OUTAGE_WEIGHT = 0.3;
const DAY_MS = 86_400_000;

export type ImpactHistory = {
  incidentId: string;
  updates: {
    publishedAt: Date;
    status: IncidentStatus;
    impacts: { componentId: string; impact: IncidentImpact }[];
  }[];
}[];

/** A period during which a maintenance was in progress with the component under maintenance. */
export interface MaintenanceWindow {
  maintenanceId: string;
  componentId: string;
  start: Date;
  end: Date;
}

export interface UptimeDay {
  date: string;
  uptime: number | null;
  worst: ComponentStatus;
  incidentIds: string[];
  maintenanceIds: string[];
  downtimeSeconds: number;
}

export interface UptimeInput {
  componentId: string;
  since: Date;
  history: ImpactHistory;
  maintenanceWindows?: readonly MaintenanceWindow[];
  now: Date;
  days?: number;
}

// `open` spans still hold at `now`: they belong to today even if they began exactly now.
interface Span {
  start: number;
  end: number;
  open: boolean;
  status: ComponentStatus;
  id: string;
}

function clip(spans: Span[], span: Span, from: number, now: number): void {
  const start = Math.max(span.start, from);
  const end = Math.min(span.end, now);
  if (end > start || (span.open && end === start)) spans.push({ ...span, start, end });
}

function incidentSpans(componentId: string, history: ImpactHistory, from: number, now: number): Span[] {
  const spans: Span[] = [];
  for (const { incidentId, updates } of history) {
    const sorted = updates.filter((u) => u.publishedAt.getTime() <= now).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    sorted.forEach((update, i) => {
      if (update.status === "RESOLVED") return;
      const impact = update.impacts.find((x) => x.componentId === componentId)?.impact;
      const status = impact ? impactStatus(impact) : null;
      if (!status) return;
      const next = sorted[i + 1];
      const end = next ? next.publishedAt.getTime() : now;
      clip(spans, { start: update.publishedAt.getTime(), end, open: !next, status, id: incidentId }, from, now);
    });
  }
  return spans;
}

/** Daily uptime of one component over the `days` UTC days ending today; fractions in [0, 1]. */
export function computeUptime(input: UptimeInput): { percentage: number | null; days: UptimeDay[] } {
  const { componentId, history, maintenanceWindows = [], days = 90 } = input;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const now = input.now.getTime();
  const windowStart = Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const from = Math.max(windowStart, input.since.getTime());
  const dayOf = (t: number): number => Math.floor((t - windowStart) / DAY_MS);

  const spans = incidentSpans(componentId, history, from, now);
  const maintenance: Span[] = [];
  for (const w of maintenanceWindows) {
    if (w.componentId !== componentId) continue;
    const [start, end] = [w.start.getTime(), w.end.getTime()];
    const span: Span = { start, end, open: end > now, status: "UNDER_MAINTENANCE", id: w.maintenanceId };
    clip(maintenance, span, from, now);
  }

  const worst: ComponentStatus[] = new Array<ComponentStatus>(days).fill("OPERATIONAL");
  const incidentIds = Array.from({ length: days }, () => new Set<string>());
  const maintenanceIds = Array.from({ length: days }, () => new Set<string>());
  for (const span of [...spans, ...maintenance].sort((a, b) => a.start - b.start)) {
    const first = dayOf(span.start);
    const last = Math.min(days - 1, span.open ? dayOf(span.end) : Math.ceil((span.end - windowStart) / DAY_MS) - 1);
    for (let d = first; d <= last; d++) {
      if (compareStatus(span.status, worst[d]!) > 0) worst[d] = span.status;
      (span.status === "UNDER_MAINTENANCE" ? maintenanceIds : incidentIds)[d]!.add(span.id);
    }
  }

  const downMs = sweepDowntime(spans, days, windowStart);
  let totalDown = 0;
  let totalObserved = 0;
  const result: UptimeDay[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = windowStart + d * DAY_MS;
    const observed = Math.max(0, Math.min(dayStart + DAY_MS, now) - Math.max(dayStart, from));
    // Whole milliseconds keep 30% weights free of float noise in what users see.
    const down = Math.round(downMs[d]!);
    totalDown += down;
    totalObserved += observed;
    result.push({
      date: new Date(dayStart).toISOString().slice(0, 10),
      uptime: observed > 0 ? 1 - down / observed : null,
      worst: worst[d]!,
      incidentIds: [...incidentIds[d]!],
      maintenanceIds: [...maintenanceIds[d]!],
      downtimeSeconds: down / 1000,
    });
  }
  return { percentage: totalObserved > 0 ? 1 - totalDown / totalObserved : null, days: result };
}

// One sweep over all span boundaries: at each instant only the worst active impact
// weighs, so overlapping incidents are never counted twice.
function sweepDowntime(spans: readonly Span[], days: number, windowStart: number): number[] {
  const down = new Array<number>(days).fill(0);
  const events: { t: number; full: number; partial: number }[] = [];
  for (const s of spans) {
    if (s.end <= s.start || compareStatus(s.status, "PARTIAL_OUTAGE") < 0) continue;
    const full = s.status === "FULL_OUTAGE" ? 1 : 0;
    events.push({ t: s.start, full, partial: 1 - full }, { t: s.end, full: -full, partial: full - 1 });
  }
  events.sort((a, b) => a.t - b.t);
  let full = 0;
  let partial = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    full += e.full;
    partial += e.partial;
    const next = events[i + 1];
    const weight = full > 0 ? 1 : partial > 0 ? PARTIAL_OUTAGE_WEIGHT : 0;
    if (!next || weight === 0) continue;
    for (let t = e.t; t < next.t; ) {
      const d = Math.floor((t - windowStart) / DAY_MS);
      const end = Math.min(next.t, windowStart + (d + 1) * DAY_MS);
      down[d] = (down[d] ?? 0) + weight * (end - t);
      t = end;
    }
  }
  return down;
}
