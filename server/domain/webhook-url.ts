// What a webhook endpoint may point at. The URL is checked when it is saved (scheme,
// credentials, host) and each address it resolves to is checked again when a delivery
// connects (server/notifications/webhook-http.ts), since DNS can change in between.
import ipaddr from "ipaddr.js";

/** One broken rule of a webhook URL: the rule's name and a sentence for people. */
export interface UrlProblem {
  rule: "format" | "scheme" | "credentials" | "host" | "too_long";
  message: string;
}

export const WEBHOOK_URL_MAX_LENGTH = 2_000;

/** The problem with `raw` as a webhook URL, or null when it may be saved. `allowHttp` also admits plain http. */
export function webhookUrlProblem(raw: string, allowHttp: boolean): UrlProblem | null {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) return { rule: "too_long", message: `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { rule: "format", message: "must be an absolute URL such as https://hooks.example.com/statusgraph" };
  }
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:"))
    return { rule: "scheme", message: allowHttp ? "must use https or http" : "must use https" };
  if (url.username || url.password) return { rule: "credentials", message: "must not carry a user name or password; put a token in the path or query instead" };
  if (!url.hostname) return { rule: "host", message: "must name a host" };
  return null;
}

/**
 * True when a delivery may connect to `address` (an IP address as text): a public
 * unicast address. Private, loopback, link-local, multicast, unspecified, broadcast,
 * carrier-grade NAT, unique-local and other reserved ranges are refused; an IPv4
 * address written as IPv6 is judged as IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}
