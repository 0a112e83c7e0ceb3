// Atom 1.0 (RFC 4287) documents from plain data. HTML content is carried as
// escaped text, as `type="html"` requires.
import { escapeMarkup } from "../domain/markup.js";

export interface AtomEntry {
  id: string;
  title: string;
  published: Date;
  updated: Date;
  /** The page the entry is about. */
  link: string;
  html: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: Date;
  /** The page the feed is about. */
  alternate: string;
  /** The feed's own URL. */
  self: string;
  /** Required by Atom unless every entry names its own author. */
  author: string;
  entries: AtomEntry[];
}

const text = (tag: string, value: string) => `<${tag}>${escapeMarkup(value)}</${tag}>`;
const time = (tag: string, value: Date) => `<${tag}>${value.toISOString()}</${tag}>`;
const link = (rel: string, type: string, href: string) => `<link rel="${rel}" type="${type}" href="${escapeMarkup(href)}"/>`;

function renderEntry(entry: AtomEntry): string {
  return [
    "<entry>",
    text("id", entry.id),
    text("title", entry.title),
    time("published", entry.published),
    time("updated", entry.updated),
    link("alternate", "text/html", entry.link),
    `<content type="html">${escapeMarkup(entry.html)}</content>`,
    "</entry>",
  ].join("");
}

export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    text("id", feed.id),
    text("title", feed.title),
    time("updated", feed.updated),
    link("alternate", "text/html", feed.alternate),
    link("self", "application/atom+xml", feed.self),
    `<author>${text("name", feed.author)}</author>`,
    ...feed.entries.map(renderEntry),
    "</feed>\n",
  ].join("");
}
