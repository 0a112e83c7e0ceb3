// Long work is cut into slices of synchronous running, with the event loop free
// between them: a request computing uptime for hundreds of components must not
// keep health checks and other requests waiting. Work calls `pause()` between
// units; once the current slice has run SLICE_MS, the call waits its turn, and
// waiting work resumes one unit per event-loop turn, so I/O runs in between.
// (Node's scheduler has no such budget: every continuation ready at one time runs
// before any I/O callback does.)

/** Synchronous running allowed before work steps aside. */
export const SLICE_MS = 5;

let sliceStart = 0;
let inSlice = false;
const waiting: (() => void)[] = [];

function startSlice(): void {
  sliceStart = performance.now();
  if (inSlice) return;
  inSlice = true;
  // Whatever runs in the next turn starts a fresh slice.
  setImmediate(() => (inSlice = false));
}

function releaseOne(): void {
  startSlice();
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(releaseOne);
}

/** Undefined while the current slice has time left (go on); otherwise a promise to await before the next unit of work. */
export function pause(): Promise<void> | undefined {
  if (!inSlice) startSlice();
  if (waiting.length === 0 && performance.now() - sliceStart < SLICE_MS) return undefined;
  return new Promise<void>((resolve) => {
    if (waiting.push(resolve) === 1) setImmediate(releaseOne);
  });
}
