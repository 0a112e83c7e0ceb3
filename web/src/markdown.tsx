// Incident and maintenance messages are Markdown. micromark's defaults are the
// safety: raw HTML is escaped, and links or images with dangerous protocols
// (javascript:, data: …) lose their URL. Do not pass allowDangerous* options.
import { micromark } from "micromark";

export function renderMarkdown(source: string): string {
  return micromark(source);
}

export function Markdown({ source }: { source: string }) {
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
