// Fan-out in slices. Telling ten thousand listeners at once would run every
// subscriber's pipeline in lockstep (each microtask step for all of them before
// the next), so the first socket write would wait for nearly all the work.
/**
 * Listeners told per turn of the event loop. A slice's subscribers are written to
 * before the next slice starts, so the first deliveries do not wait for the last
 * thousands, and a large fan-out does not hold up other requests.
 */
export const SLICE = 256;

export async function inSlices<T>(items: T[], each: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (let j = i; j < Math.min(i + SLICE, items.length); j++) each(items[j]!);
  }
}
