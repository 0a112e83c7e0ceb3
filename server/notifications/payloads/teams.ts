// The Microsoft Teams incoming-webhook message of an event: one Adaptive Card
// attachment. Card text is Teams' Markdown subset (bold, italic, lists, links); names
// are shown as written (Markdown characters escaped), a message keeps that subset but
// loses raw HTML, images and links other than http(s). Teams refuses messages over
// 28 KB, so the message gives way until the whole body fits in TEAMS_MAX_BYTES.
import type { WebhookEvent } from "./event.js";
import { summarize, truncate } from "./words.js";

/** Below Teams' documented 28 KB, with room for what a receiver adds around the card. */
export const TEAMS_MAX_BYTES = 20_000;

/** Plain text shown as written in a TextBlock or fact. */
export function escapeTeamsText(text: string): string {
  return text
    .replace(/[\\`*_~[\]]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");
}

/** A message's Markdown kept to what Teams shows safely. */
export function teamsMarkdown(markdown: string): string {
  return markdown
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/!\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1")
    .replace(/\[([^\]\n]*)\]\((?!https?:\/\/)(?:[^()\n]|\([^()\n]*\))*\)/gi, "$1")
    .replace(/^#{1,6}\s+(.+)$/gm, "**$1**");
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text: value, wrap: true, ...extra });

function card(event: WebhookEvent, message: string) {
  const s = summarize(event);
  const facts = [
    ...(s.status ? [{ title: "Status", value: escapeTeamsText(s.status) }] : []),
    ...(s.window ? [{ title: "Window", value: escapeTeamsText(s.window) }] : []),
  ];
  const body = [
    text(escapeTeamsText(s.pageTitle), { size: "Small", isSubtle: true }),
    text(escapeTeamsText(s.title), { size: "Large", weight: "Bolder" }),
    ...(facts.length > 0 ? [{ type: "FactSet", facts }] : []),
    ...(message ? [text(message)] : []),
    ...(s.components.length > 0
      ? [text("**Affected components**"), { type: "FactSet", facts: s.components.map((c) => ({ title: escapeTeamsText(c.name), value: c.state })) }]
      : []),
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [{ type: "Action.OpenUrl", title: "View status page", url: s.url }],
          msteams: { width: "Full" },
        },
      },
    ],
  };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The Teams incoming-webhook body of `event`, at most TEAMS_MAX_BYTES of JSON. */
export function teamsMessage(event: WebhookEvent) {
  const s = summarize(event);
  const message = teamsMarkdown(s.message);
  const whole = card(event, message);
  if (bytes(whole) <= TEAMS_MAX_BYTES) return whole;
  // The longest cut of the message that fits, found by bisection (characters are 1 to 4 bytes of JSON).
  const cutTo = (keep: number) => card(event, keep > 0 ? truncate(message, keep).replace(/&[a-z]{0,4}…$/, "…") : "");
  let [fits, tooLong] = [0, Array.from(message).length];
  while (tooLong - fits > 1) {
    const mid = Math.floor((fits + tooLong) / 2);
    if (bytes(cutTo(mid)) <= TEAMS_MAX_BYTES) fits = mid;
    else tooLong = mid;
  }
  return cutTo(fits);
}
