// One WebSocket as graphql-ws sees it. Messages go straight to the socket (no
// waiting for each to be flushed), and the socket's backlog is what is bounded: a
// client that stops reading is closed once it passes WS_LIMITS.maxBufferedBytes.
//
// Written as a class rather than an object of closures: thousands of these live at
// once, and under tsx (keepNames) every named closure carries its own property store.
import type { IncomingMessage } from "node:http";
import { CloseCode, type Server, type WebSocket as ProtocolSocket } from "graphql-ws";
import type { WebSocket } from "ws";
import type { SocketTarget } from "./direct-delivery.js";
import type { Preserialized } from "./preserialized.js";
import { writeTextFrame } from "./ws-frame.js";
import type { Logger } from "../logger.js";

export const WS_LIMITS = {
  /** Largest message a client may send. */
  maxPayloadBytes: 64 * 1024,
  /** Outgoing bytes a socket may have queued before it counts as a slow consumer and is closed. */
  maxBufferedBytes: 1024 * 1024,
  /** Ping interval; keeps proxies from dropping idle connections. A client that missed the last pong is dropped. */
  keepAliveMs: 12_000,
  /** How long a closing socket (e.g. a slow consumer's) may take to finish the closing handshake. */
  closeTimeoutMs: 5_000,
} as const;

/** Close code sent to a client that does not read fast enough (1013: try again later). */
export const SLOW_CONSUMER_CLOSE = { code: 1013, reason: "Slow consumer: too many undelivered messages" } as const;

/** What operations need of the upgrade request, kept for the connection's life instead of the whole request. */
export type UpgradeRequest = Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string } };

export interface Extra {
  socket: WebSocket;
  /** Takes messages written around graphql-ws (direct-delivery.ts), with the same backlog bound. */
  connection: SocketTarget;
  request: UpgradeRequest;
  /** Made on the first result sent. */
  preserialized?: Preserialized;
}

/** graphql-transport-ws messages are text frames, also when handed over as bytes. */
const TEXT = { binary: false } as const;

/** `withCookie` false: the upgrade came from a page the session cookie must not serve (see websocket.ts). */
function slim(request: IncomingMessage, withCookie: boolean): UpgradeRequest {
  const { authorization, cookie, host } = request.headers;
  return { headers: { authorization, cookie: withCookie ? cookie : undefined, host }, socket: { remoteAddress: request.socket.remoteAddress } };
}

export class Connection implements ProtocolSocket, SocketTarget {
  readonly protocol: string;
  readonly extra: Extra;
  private closed: ((code?: number, reason?: string) => Promise<void>) | null;

  constructor(
    private readonly socket: WebSocket,
    request: IncomingMessage,
    server: Server<Extra>,
    withCookie: boolean,
    private readonly log: Logger,
  ) {
    this.protocol = socket.protocol;
    this.extra = { socket, connection: this, request: slim(request, withCookie) };
    this.closed = server.opened(this, this.extra);
    socket.once("close", (code, reason) => this.end(code, String(reason)));
  }

  send(data: string): void {
    let message = data;
    try {
      if (this.extra.preserialized) message = this.extra.preserialized.splice(data);
    } catch (error) {
      // Never a placeholder to the client: the connection ends, and the client reconnects.
      this.log.error({ err: error }, "A live result could not be written; closing its connection");
      this.socket.close(CloseCode.InternalServerError, "Internal server error");
      this.end(CloseCode.InternalServerError, "Internal server error");
      return;
    }
    this.write(message);
  }

  write(message: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(message);
    this.checkBacklog();
  }

  writeText(head: Buffer, body: Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!writeTextFrame(this.socket, head, body)) this.socket.send(Buffer.concat([head, body]), TEXT);
    this.checkBacklog();
  }

  private checkBacklog(): void {
    if (this.socket.bufferedAmount > WS_LIMITS.maxBufferedBytes) {
      this.socket.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
      // Its subscriptions stop now, not when the client finally reads the close frame.
      this.end(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
    }
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.socket.on("message", (data) => {
      handle(String(data)).catch((error: unknown) => {
        this.log.error({ err: error }, "A graphql-ws message failed; closing its connection");
        this.socket.close(CloseCode.InternalServerError, "Internal server error");
      });
    });
  }

  /** Ends the protocol session (and with it every subscription) once, however the socket went. */
  private end(code: number, reason: string): void {
    const closed = this.closed;
    this.closed = null;
    void closed?.(code, reason);
  }
}
