// What the audit log screen shows, kept in the URL's query string so a filtered view
// can be linked and reloaded: the filter (instants in UTC) and the page size.
import type { CombinedError } from "urql";
import type { SchemaType } from "../../src/graphql.js";
import { consolePath } from "../routes.js";
import { NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import type { AuditLogFilter } from "./AuditLog.graphql.js";

export type AuditObjectType = SchemaType<"AuditObjectType">;

export const OBJECT_TYPES = [
  "CatalogType",
  "CatalogEntry",
  "StatusPage",
  "SubPage",
  "Incident",
  "Maintenance",
  "ApiKey",
  "Operator",
  "WebhookEndpoint",
] as const satisfies readonly AuditObjectType[];

/** The actor kinds an entry records, with what the console calls them. */
export const ACTOR_KINDS = [
  { kind: "person", label: "Operator (signed in)" },
  { kind: "operator", label: "API key" },
  { kind: "system", label: "System (scheduler)" },
  { kind: "viewer", label: "Customer viewer" },
  { kind: "anonymous", label: "Anonymous" },
] as const;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

/** The screen's state: which entries, how many per page. */
export interface AuditView {
  filter: AuditLogFilter;
  size: number;
}

const TEXT_PARAMS = ["actorId", "actorKind", "objectId", "from", "to"] as const;

const isObjectType = (value: string): value is AuditObjectType => (OBJECT_TYPES as readonly string[]).includes(value);

/** The view a query string ("?actorId=…&from=…") names; unknown or empty parameters are left out. */
export function parseAuditView(search: string): AuditView {
  const params = new URLSearchParams(search);
  const filter: AuditLogFilter = {};
  for (const name of TEXT_PARAMS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  const objectType = params.get("objectType");
  if (objectType && isObjectType(objectType)) filter.objectType = objectType;
  const size = Number(params.get("size"));
  return { filter, size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE };
}

/** The screen's URL for a view; the default page size is left out. */
export function auditViewPath({ filter, size }: AuditView): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (typeof value === "string" && value) params.set(name, value);
  if (size !== DEFAULT_PAGE_SIZE) params.set("size", String(size));
  const query = params.toString();
  return `${consolePath("admin", "audit-log")}${query ? `?${query}` : ""}`;
}

/** True when the view narrows the log at all. */
export function isFiltered({ filter }: AuditView): boolean {
  return Object.values(filter).some((value) => value != null && value !== "");
}

interface Issue {
  field: string;
  message: string;
}

function issuesOf(extensions: Record<string, unknown> | undefined): Issue[] {
  const issues = extensions?.code === "BAD_USER_INPUT" ? extensions.issues : undefined;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is Issue => typeof i?.field === "string" && typeof i?.message === "string");
}

/**
 * What the filter form shows for a failed read: the API's typed validation issues beside
 * the fields they name (`shown`), anything else in the form's alert.
 */
export function filterErrors(error: CombinedError | undefined, shown: readonly string[]): FormErrors {
  if (!error) return NO_ERRORS;
  const issues = error.graphQLErrors.flatMap((e) => issuesOf(e.extensions));
  if (issues.length === 0)
    return { fields: {}, form: error.networkError ? "The service could not be reached." : (error.graphQLErrors[0]?.message ?? error.message), stale: null };
  const fields: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    if (shown.includes(issue.field)) (fields[issue.field] ??= []).push(issue.message);
    else unplaced.push(`${issue.field}: ${issue.message}`);
  }
  return { fields, form: ["Some filters need attention.", ...unplaced].join(" "), stale: null };
}
