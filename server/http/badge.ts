// /badge/<page>.svg: the overall status of a public page as a small SVG badge
// for READMEs and dashboards. Customer pages have no badge: an image has no way
// to sign in, and a 404 says nothing about whether such a page exists.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import { escapeMarkup } from "../domain/markup.js";
import type { ComponentStatus } from "../domain/types.js";
import type { Events } from "../events.js";
import { computePageSummary } from "../services/page-summary.js";
import { pageDocumentRoute, type Route } from "./routes.js";
import { createSlugMemo, type Lookup } from "./slug-memo.js";

const COLOURS: Record<ComponentStatus, string> = {
  OPERATIONAL: "#1a7f37",
  UNDER_MAINTENANCE: "#0969da",
  DEGRADED_PERFORMANCE: "#8a5a00",
  PARTIAL_OUTAGE: "#b34700",
  FULL_OUTAGE: "#cf222e",
};

/** Verdana 11px averages about 6.5px per character; close enough for a badge. */
const textWidth = (s: string) => Math.round(s.length * 6.5) + 12;

/** A two-part badge: "status" on grey, the sentence on the status colour. */
export function renderBadge(status: ComponentStatus, sentence: string, label = "status"): string {
  const left = textWidth(label);
  const right = textWidth(sentence);
  const width = left + right;
  const title = escapeMarkup(`${label}: ${sentence}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${COLOURS[status]}"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${left / 2}" y="14">${escapeMarkup(label)}</text>`,
    `<text x="${left + right / 2}" y="14">${escapeMarkup(sentence)}</text>`,
    `</g></svg>`,
  ].join("");
}

export interface Badge {
  svg: string;
  etag: string;
}

/**
 * Badges of public pages, each computed once per change to its page: dashboards
 * and READMEs poll them, and a page's summary is a score of statements.
 */
export function createBadges(options: { db: Db; events: Events; now: () => Date; onLookup?: (hit: boolean) => void }) {
  return createSlugMemo<Badge>({
    events: options.events,
    onLookup: options.onLookup,
    load: async (slug) => {
      const page = await options.db.statusPage.findUnique({ where: { slug }, select: { id: true, kind: true } });
      if (page?.kind !== "PUBLIC") return null;
      const summary = await computePageSummary(options.db, { pageId: page.id }, options.now());
      const svg = renderBadge(summary.status, summary.sentence);
      return { pageId: page.id, value: { svg, etag: `"${createHash("sha1").update(svg).digest("base64url")}"` } };
    },
    // Any change to the page may change its status.
    staleAfter: () => true,
  });
}

export function badgeRoute(badgeFor: (slug: string) => Promise<Lookup<Badge>>): Route {
  return pageDocumentRoute({
    prefix: "/badge/",
    extension: ".svg",
    find: badgeFor,
    render: (badge) => ({ body: badge.svg, etag: badge.etag }),
    headers: {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=30",
      "x-content-type-options": "nosniff",
      // Embedded on other sites' pages; nothing in it should run or load anything.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
    missing: "No such badge",
  });
}
