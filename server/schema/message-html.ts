// Every Markdown `message` field has a `messageHtml` beside it: the server
// renders messages, so browsers need no Markdown parser of their own.
import { LRUCache } from "lru-cache";
import { renderMarkdown as render } from "../domain/markdown.js";

export const MESSAGE_HTML = "The message's Markdown rendered to safe HTML.";

/**
 * Pages are read far more often than their messages change, and rendering is most
 * of the work of answering one from memory: each message is rendered once while
 * it is in use. Bounded by the text kept, messages and HTML alike.
 */
const rendered = new LRUCache<string, string>({ maxSize: 4_000_000, sizeCalculation: (html, message) => html.length + message.length });

/** A message's Markdown as HTML that is safe to insert into a page as is. */
export function renderMarkdown(message: string): string {
  let html = rendered.get(message);
  if (html === undefined) rendered.set(message, (html = render(message)));
  return html;
}
