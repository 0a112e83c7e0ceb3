/**
 * A live event's WebSocket frame, built in one buffer and written to the TCP socket
 * directly. ws's public `send()` frames each message itself (an options object, the
 * length, a header buffer, a two-part write); for one event going to thousands of
 * sockets that is the same work each time, and it costs measurably more CPU per
 * socket than one copy and one plain write (`npm run bench:fanout`). The frame is
 * the one ws would send (RFC 6455: FIN, text opcode, unmasked from server to client).
 * It uses two of ws's private fields: test/live/ws-frame.test.ts fails when a ws
 * release changes them.
 */
import type { Socket } from "node:net";
import type { WebSocket } from "ws";

/** ws's own fields used here (ws 8). */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _bufferedBytes: number };
}

/** The text frame carrying `head` then `body` (UTF-8 bytes) as one message. */
export function textFrame(head: Buffer, body: Buffer): Buffer {
  const length = head.length + body.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  head.copy(frame, headerLength);
  body.copy(frame, headerLength + head.length);
  return frame;
}

/**
 * Writes the message as one frame, straight to the socket's TCP stream. Returns
 * false, writing nothing, where ws must frame it: an extension (compression) was
 * negotiated, or ws holds queued frames of its own that must go first.
 */
export function writeTextFrame(socket: WebSocket, head: Buffer, body: Buffer): boolean {
  const { _socket: tcp, _sender: sender } = socket as unknown as WsInternals;
  if (!tcp || !sender || sender._bufferedBytes !== 0 || socket.extensions !== "") return false;
  tcp.write(textFrame(head, body));
  return true;
}
