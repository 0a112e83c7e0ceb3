// The links in subscription mail. GET only ever shows a page with a button: mail
// scanners and link previewers fetch links, and must neither confirm nor unsubscribe
// anyone. POST acts: /subscriptions/unsubscribe is RFC 8058's one-click target (mail
// providers POST `List-Unsubscribe=One-Click` to it, cross-site, the token in its URL).
import type { ServerResponse } from "node:http";
import type { AppServices } from "../context.js";
import { escapeMarkup } from "../domain/markup.js";
import { ValidationError } from "../errors.js";
import { chooseComponents, confirmSubscription, subscriptionChoices, unsubscribe } from "../notifications/subscriptions.js";
import { plainPage, readBody } from "./plain-page.js";
import type { Route } from "./routes.js";

const MAX_BODY_BYTES = 64 * 1024;
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** GET shows, POST acts, at /subscriptions/confirm, /subscriptions/unsubscribe and /subscriptions/manage. */
export function subscriptionRoutes(services: Pick<AppServices, "db" | "now">): Route {
  return async (req, res, url) => {
    const action = /^\/subscriptions\/(confirm|unsubscribe|manage)$/.exec(url.pathname)?.[1];
    if (!action) return false;
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
      res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    const body = req.method === "POST" ? new URLSearchParams(await readBody(req, MAX_BODY_BYTES)) : new URLSearchParams();
    const token = body.get("token") ?? url.searchParams.get("token") ?? "";
    try {
      if (req.method !== "POST") await show(services, res, action, token);
      else await act(services, res, action, token, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      page(res, 400, "Link not valid", `<p>${escapeMarkup(error.issues[0]?.message ?? error.message)}.</p>`);
    }
    return true;
  };
}

async function show(services: Pick<AppServices, "db">, res: ServerResponse, action: string, token: string): Promise<void> {
  if (action === "confirm") return page(res, 200, "Confirm your subscription", button("confirm", token, "Confirm subscription"));
  if (action === "unsubscribe") return page(res, 200, "Unsubscribe", button("unsubscribe", token, "Unsubscribe"));
  const { subscriber, chosen, components } = await subscriptionChoices(services.db, token);
  const boxes = components
    .map(
      (c) =>
        `<label><input type="checkbox" name="componentIds" value="${escapeMarkup(c.id)}"${chosen.has(c.id) ? " checked" : ""}> ${escapeMarkup(c.name)}</label><br>`,
    )
    .join("\n");
  const state = subscriber.unsubscribedAt ? "<p>You are unsubscribed.</p>" : "";
  page(
    res,
    200,
    "Your subscription",
    `<p>${escapeMarkup(subscriber.email)}</p>${state}\n<form method="post" action="manage">\n<input type="hidden" name="token" value="${escapeMarkup(token)}">\n` +
      `<p>Tell me about (none ticked: everything):</p>\n${boxes}\n<button type="submit">Save</button>\n</form>\n${button("unsubscribe", token, "Unsubscribe")}`,
  );
}

async function act(services: Pick<AppServices, "db" | "now">, res: ServerResponse, action: string, token: string, body: URLSearchParams): Promise<void> {
  if (action === "confirm") {
    await confirmSubscription(services.db, token, services.now());
    return page(res, 200, "Subscribed", "<p>Your subscription is confirmed. Every email has a link to change or end it.</p>");
  }
  if (action === "unsubscribe") {
    await unsubscribe(services.db, token, services.now());
    return page(res, 200, "Unsubscribed", "<p>You will not get any more emails about this page.</p>");
  }
  await chooseComponents(services.db, token, body.getAll("componentIds"));
  page(res, 200, "Saved", "<p>Your choices are saved.</p>");
}

function button(action: string, token: string, label: string): string {
  return `<form method="post" action="${action}">\n<input type="hidden" name="token" value="${escapeMarkup(token)}">\n<button type="submit">${escapeMarkup(label)}</button>\n</form>`;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  plainPage(res, HEADERS, status, title, body);
}
