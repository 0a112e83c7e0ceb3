// How many WebSockets one instance holds open, in all and per client address.
// An upgrade over either limit is refused before the handshake completes, with
// an HTTP status the client can act on: 503 (this instance is full; another may
// not be) or 429 (this address holds too many), both with Retry-After.
import type { IncomingMessage, OutgoingHttpHeaders } from "node:http";
import type { WebSocket } from "ws";

export interface ConnectionLimits {
  webSocketConnections: number;
  webSocketConnectionsPerClient: number;
}

type Verdict = (verified: boolean, code?: number, message?: string, headers?: OutgoingHttpHeaders) => void;

const RETRY = { "Retry-After": "10" };

export function connectionGate(limits: ConnectionLimits) {
  let open = 0;
  const byAddress = new Map<string, number>();
  const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? "";

  return {
    /** ws's `verifyClient`; answers synchronously, so the count it reads is the count when the socket opens. */
    verifyClient(info: { req: IncomingMessage }, verdict: Verdict): void {
      if (open >= limits.webSocketConnections) {
        verdict(false, 503, "Too many WebSocket connections on this server; try again later", RETRY);
        return;
      }
      if ((byAddress.get(addressOf(info.req)) ?? 0) >= limits.webSocketConnectionsPerClient) {
        verdict(false, 429, "Too many WebSocket connections from your address", RETRY);
        return;
      }
      verdict(true);
    },
    /** Counts an accepted socket until it closes. */
    opened(socket: WebSocket, request: IncomingMessage): void {
      const address = addressOf(request);
      open += 1;
      byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
      socket.once("close", () => {
        open -= 1;
        const left = byAddress.get(address)! - 1;
        if (left > 0) byAddress.set(address, left);
        else byAddress.delete(address);
      });
    },
    get open() {
      return open;
    },
  };
}
