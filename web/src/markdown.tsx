// Messages arrive as HTML the server rendered from their Markdown with raw HTML
// escaped and dangerous URLs dropped (server/domain/markdown.ts), so the browser
// ships no Markdown parser and inserts the HTML as is.
export function Markdown({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML comes from the server's safe Markdown renderer
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
