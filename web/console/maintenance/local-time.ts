// Impact windows are entered in the operator's own zone (the browser's) and
// sent to the API as instants; the zone is always named beside the fields.

const pad = (n: number) => String(n).padStart(2, "0");

/** The browser's zone with its offset at `at`, e.g. "Europe/Berlin (UTC+01:00)". */
export function localZoneLabel(at: Date = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat("en-US", { timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const utc = offset === "GMT" ? "UTC+00:00" : offset.replace("GMT", "UTC");
  return `${zone} (${utc})`;
}

/** An instant as a datetime-local input's value ("2030-03-01T14:00") in the browser's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value, read as the browser's local time, as an ISO instant; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
