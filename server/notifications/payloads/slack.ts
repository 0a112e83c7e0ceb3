// The Slack incoming-webhook message of an event: Block Kit `blocks` for Slack, and a
// complete `text` for notifications and for Slack-compatible receivers that show only
// it (Mattermost). Operator text reaches mrkdwn only escaped: `&`, `<` and `>` become
// entities, so no `<!channel>`, `<@user>` or `<url|label>` can be smuggled in, and a
// bare @channel/@here/@everyone/@all (which Mattermost acts on) is broken up.
import type { WebhookEvent } from "./event.js";
import { summarize, truncate } from "./words.js";

/** Slack's limits (Block Kit reference): header text, section text, button label. */
export const SLACK_LIMITS = { header: 150, section: 3000, text: 3000, button: 75 } as const;

/** Text that is shown as written in Slack mrkdwn (and Mattermost Markdown). */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone|all)\b/gi, "@\u2060$1");
}

/** A link label or URL may not hold the `|` and `>` that end it. */
function link(url: string, label: string): string {
  return `<${url.replace(/\|/g, "%7C").replace(/>/g, "%3E")}|${label.replace(/\|/g, "¦")}>`;
}

/**
 * A message's Markdown as Slack mrkdwn: escaped, then bold, headings and http(s) links
 * turned into mrkdwn's own forms. Other Markdown reads fine as it is.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/^#{1,6}\s+(.+)$/gm, "*$1*")
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/!?\[([^\]\n]*)\]\((https?:\/\/[^\s)]+)\)/g, (_, label: string, url: string) => link(url.replace(/&amp;/g, "&"), label));
}

/** Cuts escaped mrkdwn without leaving half an entity (`&am…`) or half a link (`<https://…`) at the cut. */
function cut(mrkdwn: string, max: number): string {
  if (Array.from(mrkdwn).length <= max) return mrkdwn;
  return `${truncate(mrkdwn, max)
    .slice(0, -1)
    .replace(/&[a-z]{0,4}$/, "")
    .replace(/<[^>]*$/, "")}…`;
}

/** The Slack incoming-webhook body of `event`. */
export function slackMessage(event: WebhookEvent) {
  const s = summarize(event);
  const status = s.status ? `*Status:* ${escapeMrkdwn(s.status)}` : null;
  const window = s.window ? `*Window:* ${s.window}` : null;
  const message = s.message ? markdownToMrkdwn(s.message) : null;
  const components = s.components.length > 0 ? `*Affected components:*\n${s.components.map((c) => `• ${escapeMrkdwn(c.name)}: ${c.state}`).join("\n")}` : null;
  const pageLink = link(s.url, `View the ${escapeMrkdwn(s.pageTitle)} status page`);
  const header = truncate(`${s.pageTitle}: ${s.title}`, SLACK_LIMITS.header);
  // The fallback keeps its heading, components and link whole; the message gives way.
  const head = [`*${escapeMrkdwn(header)}*`, [status, window].filter(Boolean).join(" · ")].filter(Boolean);
  const tail = [components && cut(components, 1000), pageLink].filter((t): t is string => Boolean(t));
  const room = SLACK_LIMITS.text - [...head, ...tail].reduce((n, t) => n + Array.from(t).length + 2, 0);
  const fallback = [...head, message && room > 20 ? cut(message, room) : null, ...tail].filter(Boolean).join("\n\n");
  const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text: cut(text, SLACK_LIMITS.section) } });
  const blocks = [
    { type: "header", text: { type: "plain_text", text: header, emoji: false } },
    ...[[status, window].filter(Boolean).join("\n"), message, components].filter((t): t is string => Boolean(t)).map(section),
    {
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: truncate("View status page", SLACK_LIMITS.button) }, url: s.url }],
    },
  ];
  return { text: cut(fallback, SLACK_LIMITS.text), blocks, unfurl_links: false, unfurl_media: false };
}
