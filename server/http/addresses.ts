// Where everything is, printed by `npm start`: the status pages as viewers open
// them, then the service's own endpoints.
import type { Db } from "../db/client.js";

export interface AddressEntry {
  label: string;
  path: string;
}

/** Pages listed by name at most; the rest are counted. */
export const LISTED_PAGES_MAX = 10;

/**
 * The service's own endpoints, in the order they are shown. A new one an operator
 * should know about (an admin console, /metrics) gets its line here.
 */
export function serviceEntries(options: { graphiql: boolean }): AddressEntry[] {
  return [
    { label: options.graphiql ? "GraphQL + GraphiQL" : "GraphQL", path: "/graphql" },
    { label: "Health (live)", path: "/health/live" },
    { label: "Health (ready)", path: "/health/ready" },
  ];
}

/** Each page's address, customer pages followed by their sub-pages. */
export async function pageEntries(db: Db): Promise<{ entries: AddressEntry[]; more: number }> {
  const [pages, total] = await Promise.all([
    db.statusPage.findMany({
      orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
      take: LISTED_PAGES_MAX,
      select: { slug: true, title: true, kind: true, subPages: { orderBy: { slug: "asc" }, select: { slug: true, name: true } } },
    }),
    db.statusPage.count(),
  ]);
  const entries = pages.flatMap((page) => [
    { label: page.kind === "CUSTOMER" ? `${page.title} (customer page)` : page.title, path: `/${page.slug}` },
    ...page.subPages.map((sub) => ({ label: `  ${sub.name}`, path: `/${page.slug}/${sub.slug}` })),
  ]);
  return { entries, more: total - pages.length };
}

/** The lines `npm start` prints once it listens on `origin` (e.g. http://localhost:4000). */
export async function startBanner(db: Db, options: { origin: string; graphiql: boolean }): Promise<string[]> {
  const pages = await pageEntries(db);
  const service = serviceEntries(options);
  const width = Math.max(...[...pages.entries, ...service].map((e) => e.label.length));
  const line = (e: AddressEntry) => `    ${e.label.padEnd(width)}  ${options.origin}${e.path}`;
  const pageLines = pages.entries.length ? pages.entries.map(line) : ["    none yet: create one through GraphQL (see README, The API)"];
  if (pages.more > 0) pageLines.push(`    … and ${pages.more} more`);
  return [`Statusgraph is running at ${options.origin}`, "  Status pages:", ...pageLines, "  Service:", ...service.map(line)];
}
