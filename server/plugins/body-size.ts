// Two request body limits: multipart requests (file uploads) may be as large as the
// largest image plus the operation, every other body stays small. Yoga's own limit
// (`maxRequestBodySize`, set to the larger one) has a single size for every body and
// its stream limiter is not exported, so this plugin applies the smaller one to the
// rest, the same way: by Content-Length before reading, then while the body streams in
// (chunked bodies, or a Content-Length that lies). Either way nothing over it is buffered.
import { IncomingMessage } from "node:http";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Limits } from "../limits.js";

/** The answer Yoga gives a body over its limit: 413 REQUEST_ENTITY_TOO_LARGE. */
function tooLarge() {
  return createGraphQLError("Request body too large", { extensions: { http: { status: 413 }, code: "REQUEST_ENTITY_TOO_LARGE" } });
}

function isMultipart(request: Request): boolean {
  return request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "multipart/form-data";
}

/** The request with a body that errors once more than `limit` bytes have come in. */
function limited(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  // A native stream pipes only through a native TransformStream, a ponyfilled one through the ponyfill's.
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    duplex: "half",
  } as RequestInit);
}

/**
 * Whether the body is exactly its Content-Length: Node's HTTP parser reads no more than
 * the header declares from the socket (and refuses a request that also says chunked), so
 * a body it delivered within the limit needs no counting. A request made in-process
 * (`yoga.fetch`) has no parser behind it and is always counted.
 */
function lengthEnforced(serverContext: object, declared: number | null): boolean {
  return declared !== null && "req" in serverContext && serverContext.req instanceof IncomingMessage;
}

/** Refuses a body other than multipart over `maxRequestBodyBytes` (413); Yoga's `maxRequestBodySize` is `maxUploadBodyBytes`. */
export function useBodySizeLimits(limits: Pick<Limits, "maxRequestBodyBytes">): Plugin {
  const limit = limits.maxRequestBodyBytes;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      if (isMultipart(request)) return;
      const length = request.headers.get("content-length");
      // A malformed Content-Length is Yoga's to refuse (400).
      const declared = length != null && /^\d+$/.test(length) ? Number(length) : null;
      if (declared !== null && declared > limit) throw tooLarge();
      if (!requestParser || !request.body || lengthEnforced(serverContext, declared)) return;
      const parse = requestParser;
      setRequestParser((req) => parse(limited(req, limit, fetchAPI)));
    },
  };
}
