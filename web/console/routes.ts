// The console's routes: a table of path patterns, matched without React (like
// web/src/routes.ts). Each screen adds its own entry; the first match wins.

/** A matched route: the screen and the path's named parameters. */
export interface ConsoleRoute {
  name: ConsoleRouteName;
  params: Record<string, string>;
}

/** Where the console lives; every path below is under it. */
export const CONSOLE_BASE = "/console";

/**
 * Patterns relative to CONSOLE_BASE; `:name` matches one segment. A new screen adds
 * its line here and its component in screens.tsx (the type makes the two agree).
 */
export const CONSOLE_ROUTES = [
  { name: "pages", path: "/" },
  { name: "newStatusPage", path: "/pages/new/:kind" },
  { name: "pageOverview", path: "/pages/:id" },
  { name: "pageSettings", path: "/pages/:id/settings" },
  { name: "maintenance", path: "/pages/:id/maintenance" },
  { name: "scheduleMaintenance", path: "/pages/:id/maintenance/new" },
  { name: "maintenanceDetail", path: "/pages/:id/maintenance/:maintenanceId" },
  { name: "pageIncidents", path: "/pages/:pageId/incidents" },
  { name: "newIncident", path: "/pages/:pageId/incidents/new" },
  { name: "incident", path: "/pages/:pageId/incidents/:incidentId" },
  { name: "pageWebhooks", path: "/pages/:id/webhooks" },
  { name: "catalog", path: "/catalog" },
  { name: "catalogType", path: "/catalog/:typeId" },
  { name: "adminAuditLog", path: "/admin/audit-log" },
  { name: "admin", path: "/admin" },
  { name: "adminOperators", path: "/admin/operators" },
  { name: "adminApiKeys", path: "/admin/api-keys" },
] as const satisfies readonly { name: string; path: string }[];

/** The console's screens, by name. */
export type ConsoleRouteName = (typeof CONSOLE_ROUTES)[number]["name"] | "notFound";

function segments(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** The console route for a URL path; `notFound` for anything outside the table or outside /console. */
export function matchConsoleRoute(pathname: string): ConsoleRoute {
  const parts = segments(pathname);
  if (parts[0] !== segments(CONSOLE_BASE)[0]) return { name: "notFound", params: {} };
  let rest: string[];
  try {
    rest = parts.slice(1).map(decodeURIComponent);
  } catch {
    return { name: "notFound", params: {} };
  }
  for (const route of CONSOLE_ROUTES) {
    const pattern = segments(route.path);
    if (pattern.length !== rest.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      if (!p.startsWith(":")) return p === rest[i];
      params[p.slice(1)] = rest[i]!;
      return true;
    });
    if (matches) return { name: route.name, params };
  }
  return { name: "notFound", params: {} };
}

/** The URL path of a console screen, e.g. `consolePath("/pages", id)`; segments are encoded. */
export function consolePath(...parts: string[]): string {
  const tail = parts.flatMap(segments).map(encodeURIComponent).join("/");
  return tail ? `${CONSOLE_BASE}/${tail}` : CONSOLE_BASE;
}
