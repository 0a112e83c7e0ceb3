// Times in the viewer's own zone, always with the zone named: the runbook's
// operators enter maintenance windows in their local time, and viewers must
// not have to guess whose.

// dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields.
const TIME = { hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const dateTime = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", ...TIME });
const timeOnly = new Intl.DateTimeFormat(undefined, TIME);
// Uptime days are UTC days, so they are shown as dates without converting.
const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A window such as "12 Mar 2026, 14:00 – 16:00 CET", repeating the date only when it changes. */
export function formatWindow(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const sameDay = start.toDateString() === end.toDateString();
  return `${dateTime.format(start)} – ${sameDay ? timeOnly.format(end) : dateTime.format(end)}`;
}

/** "YYYY-MM-DD" (a UTC day) as a readable date. */
export function formatDay(day: string): string {
  return utcDay.format(new Date(`${day}T00:00:00Z`));
}

/** The viewer's zone, e.g. "Europe/Paris (CET)". */
export function viewerTimeZone(at: Date = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const short = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" }).formatToParts(at).find((part) => part.type === "timeZoneName")?.value;
  return short && short !== zone ? `${zone} (${short})` : zone;
}

export function formatPercent(value: number | null): string {
  if (value === null) return "No data";
  // Two decimals, never rounding a bad day up to a perfect 100.00%.
  const floored = Math.floor(value * 10_000) / 100;
  return `${floored.toFixed(2)}%`;
}
