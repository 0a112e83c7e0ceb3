// Keep-alive pings, so proxies don't drop idle WebSockets and dead peers are found.
// Every socket is pinged once per interval; one that has not answered the previous
// ping by then is dropped.
//
// Pinging all sockets in one sweep would be one write per socket in a single
// event-loop turn: about 0.4 s of blocked loop for 10,000 sockets, holding up any
// update that lands meanwhile. So each round is spread over the interval in small
// steps, a few dozen sockets at a time.
import type { WebSocket } from "ws";

/** Steps per round: each handles about 1/STEPS of the sockets. */
const STEPS = 120;

export interface Heartbeat {
  /** Starts watching a new socket (counted as having answered). */
  track(socket: WebSocket): void;
  stop(): void;
}

export function startHeartbeat(sockets: Set<WebSocket>, intervalMs: number): Heartbeat {
  const answered = new WeakSet<WebSocket>();
  /** The sockets open when the round began; later ones join the next round. */
  let round: WebSocket[] = [];
  let stepOfRound = STEPS;

  const step = () => {
    if (stepOfRound === STEPS) {
      round = [...sockets];
      stepOfRound = 0;
    }
    const perStep = Math.ceil(round.length / STEPS);
    const end = Math.min(round.length, (stepOfRound + 1) * perStep);
    for (let i = stepOfRound * perStep; i < end; i++) {
      const socket = round[i]!;
      if (!sockets.has(socket)) continue;
      if (!answered.delete(socket)) socket.terminate();
      else socket.ping();
    }
    stepOfRound++;
  };
  const timer = setInterval(step, intervalMs / STEPS);
  timer.unref();

  return {
    track(socket) {
      answered.add(socket);
      socket.on("pong", () => answered.add(socket));
    },
    stop: () => clearInterval(timer),
  };
}
