// Reading the notification mail a test SMTP server received: headers, parts, links.
import type { Received } from "../auth/smtp.js";

/** The message with quoted-printable soft breaks and escapes undone. */
export function decoded(message: Received): string {
  return message.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A top-level header's value (unfolded), or null. */
export function header(message: Received, name: string): string | null {
  const head = message.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

/** Undoes RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as mail clients show a subject. */
function decodeWords(value: string): string {
  const word = /=\?UTF-8\?([QB])\?([^?]*)\?=/gi;
  return value.replace(/\?=\s+=\?/g, "?==?").replace(word, (_, encoding: string, text: string) => {
    if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
    const bytes = text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes);
  });
}

/** The first link in the message to `path` (e.g. `/subscriptions/confirm`). */
export function linkTo(message: Received, path: string): URL {
  const match = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_-]+`).exec(decoded(message));
  if (!match) throw new Error(`no ${path} link in: ${decoded(message)}`);
  return new URL(match[0]);
}
