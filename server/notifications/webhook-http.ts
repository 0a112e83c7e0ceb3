// One webhook request over node:http(s), guarded: the host's addresses are resolved
// here and the connection goes to the address that was checked (a custom `lookup`),
// so a name that resolves to a private address — or starts to, after it was saved —
// is never reached. Timeouts bound the connection and the whole exchange, the response
// body is read only up to a cap, and redirects are never followed. fetch (undici) is
// not used because it offers no per-request lookup without a dispatcher of our own.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "../domain/webhook-url.js";

export interface WebhookHttpOptions {
  /** Also connect to private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE_ADDRESSES; tests on loopback). */
  allowPrivateAddresses: boolean;
  /** Until the connection is made (default 10 s). */
  connectTimeoutMs?: number;
  /** For the whole exchange, response included (default 10 s). */
  totalTimeoutMs?: number;
  /** Response bytes read at most (default 64 KiB); the rest is dropped. */
  maxResponseBytes?: number;
}

/** What an attempt came to: a response code, or an error before one. */
export interface WebhookResponse {
  status: number | null;
  /** The response body, cut at the cap. */
  body: string;
  error: string | null;
}

/** Thrown (and recorded as the attempt's error) when an address is refused. */
export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, a private or reserved address`), "", 4);
      if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), "", 4);
      // Node asks for every address (`all`) when it races IPv4 and IPv6, else for one.
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** POSTs `body` to `url` with `headers`; never throws, the outcome says what happened. */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: WebhookHttpOptions): Promise<WebhookResponse> {
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  // An address written in the URL is connected to without a lookup: check it here.
  if (isIP(literal) && !options.allowPrivateAddresses && !isPublicAddress(literal))
    return Promise.resolve({ status: null, body: "", error: `${literal} is a private or reserved address` });
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      resolve(outcome);
    };
    const req = send(target, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Statusgraph-Webhooks/1", ...headers },
      lookup: guardedLookup(options.allowPrivateAddresses),
    });
    const fail = (message: string) => {
      req.destroy();
      done({ status: null, body: "", error: message });
    };
    const total = setTimeout(() => fail(`no complete response within ${options.totalTimeoutMs ?? 10_000} ms`), options.totalTimeoutMs ?? 10_000);
    const connect = setTimeout(() => fail(`could not connect within ${options.connectTimeoutMs ?? 10_000} ms`), options.connectTimeoutMs ?? 10_000);
    req.on("socket", (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      else socket.once("connect", () => clearTimeout(connect));
    });
    req.on("error", (error) => done({ status: null, body: "", error: error.message }));
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => done({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8"), error: null });
      res.on("data", (chunk: Buffer) => {
        if (size >= maxBytes) return;
        chunks.push(chunk.subarray(0, maxBytes - size));
        size += chunk.length;
        // Enough read: the rest is not waited for.
        if (size >= maxBytes) {
          finish();
          res.destroy();
        }
      });
      res.on("end", finish);
      res.on("error", (error) => done({ status: res.statusCode ?? null, body: "", error: error.message }));
    });
    req.end(body);
  });
}
