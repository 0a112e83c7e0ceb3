// Messages between bench/fanout.ts and its child processes (Node IPC), and the
// clock they all share: wall-clock milliseconds with sub-millisecond precision,
// comparable between processes on one machine.
export const clock = (): number => performance.timeOrigin + performance.now();

export interface Memory {
  rss: number;
  heapUsed: number;
}

/** From the app server (fanout-server.ts). */
export type FromServer =
  | { type: "ready"; url: string; pageSlug: string; incidentId: string; apiKey: string }
  | { type: "memory"; memory: Memory }
  | { type: "announced"; at: number }
  /** The server's part of a fan-out: announcement to the last message handed to a socket. */
  | { type: "fanout"; wallMs: number; cpuMs: number };

/** To the app server. */
export type ToServer = { type: "memory" } | { type: "stop" };

/** From the raw ws server (fanout-raw.ts). */
export type FromRaw = { type: "ready"; url: string } | { type: "memory"; memory: Memory } | { type: "sent"; at: number; doneAt: number; cpuMs: number };

/** To the raw ws server: send `message` to every connected socket. */
export type ToRaw = { type: "memory" } | { type: "broadcast"; message: string } | { type: "stop" };

/** To a client process (fanout-clients.ts). */
export type ToClients =
  | { type: "graphql"; url: string; count: number; localAddresses: string[]; query: string; variables: Record<string, unknown> }
  | { type: "raw"; url: string; count: number; localAddresses: string[] }
  | { type: "close" };

/** From a client process. */
export type FromClients =
  | { type: "ready"; connected: number }
  | { type: "received"; round: number; times: number[]; sample: string | null }
  | { type: "closed" }
  | { type: "failed"; error: string };

export const QUERY = /* GraphQL */ `
  subscription ($page: String!) {
    pageStatus(pageSlug: $page) {
      page { slug title theme }
      status
      sentence
      components { id name group status }
      incidents { id name status message updatedAt impacts { componentId name impact } }
      maintenances { id name status startsAt endsAt }
    }
  }
`;
