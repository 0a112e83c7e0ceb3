// How one audit entry reads in the console: who, what, to which object, and which
// fields it changed, from the entry's before/after JSON.
import type { AdminAuditEntry } from "./AuditLog.graphql.js";

type Fields = Record<string, unknown>;

/** An entry's before or after JSON as an object; null when absent or not an object. */
export function parseSnapshot(text: string | null): Fields | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : null;
  } catch {
    return null;
  }
}

/** "publishIncidentUpdate" → "Publish incident update"; "createApiKey" → "Create API key". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\bapi\b/g, "API");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who made the change, e.g. "Ada Admin", "deploy-bot (API key)", "System". */
export function actorLabel({ actorKind, actorName }: Pick<AdminAuditEntry, "actorKind" | "actorName">): string {
  switch (actorKind) {
    case "person":
      return actorName ?? "Unknown operator";
    case "operator":
      return `${actorName ?? "Unknown key"} (API key)`;
    case "viewer":
      return `${actorName ?? "Unknown viewer"} (viewer)`;
    case "system":
      return "System";
    default:
      return "Anonymous";
  }
}

const NAME_FIELDS = ["name", "title", "email", "url"] as const;

/** The object an entry is about, named when its snapshot has a name, e.g. `Incident "API down"`. */
export function targetLabel(entry: Pick<AdminAuditEntry, "objectType" | "objectId" | "before" | "after">): string {
  if (!entry.objectType) return "—";
  const type = humanize(entry.objectType);
  const snapshot = parseSnapshot(entry.after) ?? parseSnapshot(entry.before) ?? {};
  const name = NAME_FIELDS.map((f) => snapshot[f]).find((v): v is string => typeof v === "string" && v !== "");
  if (name) return `${type} "${name}"`;
  return entry.objectId ? `${type} ${entry.objectId}` : `${type} (several)`;
}

/** One field as a change shows it: its value before and after (undefined where absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ between before and after, by name; a create lists every field it set, a delete every field it had. */
export function fieldChanges(entry: Pick<AdminAuditEntry, "before" | "after">): FieldChange[] {
  const before = parseSnapshot(entry.before) ?? {};
  const after = parseSnapshot(entry.after) ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** A snapshot value as short text: strings as they are, the rest as JSON; "—" for none. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The browser's time zone by name, e.g. "Europe/Berlin"; each time shown carries its own offset. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
