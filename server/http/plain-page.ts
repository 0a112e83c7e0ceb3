// The small server-rendered pages behind links in mail (sign-in links, subscription
// links): their form bodies, and one HTML document with a title and a short body.
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeMarkup } from "../domain/markup.js";

/** The request body as text, or "" when it exceeds `maxBytes` (nothing these pages take is that large). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return "";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Answers with a minimal page: `title` as its heading, then `body` (markup, already escaped). */
export function plainPage(res: ServerResponse, headers: Record<string, string>, status: number, title: string, body: string): void {
  res.writeHead(status, headers);
  res.end(
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex"><title>${escapeMarkup(title)}</title>` +
      `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1.5rem}</style></head>\n` +
      `<body>\n<h1>${escapeMarkup(title)}</h1>\n${body}\n</body>\n</html>\n`,
  );
}
