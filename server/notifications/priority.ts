// Mutations go first: while one runs, the notification worker starts no send and writes
// nothing, so thousands of deliveries in progress do not slow an operator's publish.
// The worker shares the process's CPU and, on SQLite, its one connection with them.

/** How long the worker gives way at most, so a steady stream of mutations cannot stall delivery. */
const MAX_WAIT_MS = 1_000;

export interface MutationPriority {
  /** Marks a mutation as running; call the returned function when it is done (once is enough, twice is harmless). */
  begin(): () => void;
  /** Resolves once no mutation is running, or after `maxWaitMs` (default 1 s) at the latest. */
  clear(maxWaitMs?: number): Promise<void>;
  /** Mutations running now. */
  readonly running: number;
  /** Callers of `clear` waiting now. */
  readonly waiting: number;
}

export function createMutationPriority(): MutationPriority {
  let running = 0;
  const waiters = new Set<() => void>();
  return {
    begin() {
      running += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        running -= 1;
        if (running > 0) return;
        for (const wake of [...waiters]) wake();
      };
    },
    clear(maxWaitMs = MAX_WAIT_MS) {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, maxWaitMs);
        waiters.add(wake);
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiters.size;
    },
  };
}
