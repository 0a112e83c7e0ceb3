// Incident and maintenance messages are Markdown, shown by the web client as
// HTML without further checks. micromark's defaults are the safety: raw HTML is
// escaped, and links or images with dangerous protocols (javascript:, data: …)
// lose their URL. Never pass its allowDangerous* options.
import { micromark } from "micromark";

/** A message's Markdown as HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string): string {
  return micromark(source);
}
