// /feed/<page>.atom: a public page's incident and maintenance updates as an Atom
// feed for readers and dashboards. As with badges, customer pages have none (a
// reader cannot sign in), and a 404 says nothing about whether such a page exists.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { renderMarkdown } from "../domain/markdown.js";
import { STATUS_WORDS } from "../domain/status-words.js";
import type { Events } from "../events.js";
import { loadPageFeed, type FeedUpdate, type PageFeedSource } from "../services/page-feed.js";
import { renderAtom, type AtomEntry } from "./atom.js";
import { requestBaseUrl } from "./base-url.js";
import { pageDocumentRoute, type Route } from "./routes.js";
import { createSlugMemo, type Lookup } from "./slug-memo.js";

/** Without PUBLIC_URL each Host a client sends gets its own rendering: keep only a few per page. */
const BASE_URLS_MAX = 4;

export interface FeedDocument {
  xml: string;
  etag: string;
}

/** A page's feed with its links under a base URL (PUBLIC_URL, else the request's origin). */
export type Feed = (baseUrl: string) => FeedDocument;

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function contentHtml(update: FeedUpdate): string {
  const message = renderMarkdown(update.message);
  if (!update.window) return message;
  return `<p>Window: ${isoSeconds(update.window.startsAt)} – ${isoSeconds(update.window.endsAt)}</p>\n${message}`;
}

/** Renders the Markdown once, and the XML once for each base URL asked for. */
function feedOf(source: PageFeedSource): Feed {
  const entries = source.updates.map((u) => ({
    id: `urn:statusgraph:${u.subject === "INCIDENT" ? "incident" : "maintenance"}-update:${u.id}`,
    title: `${u.name} — ${STATUS_WORDS[u.status]}`,
    published: u.publishedAt,
    updated: u.publishedAt,
    html: contentHtml(u),
  }));
  const documents = new LRUCache<string, FeedDocument>({ max: BASE_URLS_MAX });
  return (baseUrl) => {
    const known = documents.get(baseUrl);
    if (known) return known;
    const pageUrl = `${baseUrl}/${source.slug}`;
    const xml = renderAtom({
      id: `urn:statusgraph:page:${source.pageId}`,
      title: source.title,
      updated: entries[0]?.updated ?? source.createdAt,
      alternate: pageUrl,
      self: `${baseUrl}/feed/${source.slug}.atom`,
      author: source.title,
      entries: entries.map((e): AtomEntry => ({ ...e, link: pageUrl })),
    });
    const document = { xml, etag: `"${createHash("sha1").update(xml).digest("base64url")}"` };
    documents.set(baseUrl, document);
    return document;
  };
}

/** Feeds of public pages, each loaded once per change to its incidents, maintenance or the page itself. */
export function createFeeds(options: { db: Db; events: Events; onLookup?: (hit: boolean) => void }) {
  return createSlugMemo<Feed>({
    events: options.events,
    onLookup: options.onLookup,
    load: async (slug) => {
      const source = await loadPageFeed(options.db, slug);
      return source && { pageId: source.pageId, value: feedOf(source) };
    },
    // The catalog is not in the feed; a change to the page itself drops every feed anyway.
    staleAfter: (change) => change.subject === "INCIDENT" || change.subject === "MAINTENANCE",
  });
}

export function feedRoute(feedFor: (slug: string) => Promise<Lookup<Feed>>, publicUrl: string | null): Route {
  return pageDocumentRoute({
    prefix: "/feed/",
    extension: ".atom",
    find: feedFor,
    render: (feed, req) => {
      const { xml, etag } = feed(publicUrl ?? requestBaseUrl(req.headers.host));
      return { body: xml, etag };
    },
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=30", "x-content-type-options": "nosniff" },
    missing: "No such feed",
  });
}
