// Live summaries, computed once per change and shared by every subscriber of
// the same page or sub-page. A subscriber's events carry the shared objects, so
// resolving them does no database work.
import type { Db } from "../db/client.js";
import type { ComponentStatus } from "../domain/types.js";
import type { Events, PageChange } from "../events.js";
import { computePageSummary, type PageSummary } from "../services/page-summary.js";

export interface SummaryKey {
  pageId: string;
  subPageId: string | null;
}

export interface ComponentStatusEvent {
  pageId: string;
  subPageId: string | null;
  componentId: string;
  name: string;
  previous: ComponentStatus;
  next: ComponentStatus;
  at: string;
  /** The change that caused it: its subject (INCIDENT, MAINTENANCE, PAGE, CATALOG) and id. */
  cause: Pick<PageChange, "subject" | "subjectId" | "kind">;
}

/** What a subscriber of one key receives after a change that altered its summary. */
export interface SummaryUpdate {
  summary: PageSummary;
  componentChanges: ComponentStatusEvent[];
  change: PageChange | null;
}

type Listener = (update: SummaryUpdate) => void;

interface Channel {
  key: SummaryKey;
  latest: Promise<{ summary: PageSummary; json: string }>;
  listeners: Set<Listener>;
}

const keyOf = (k: SummaryKey) => `${k.pageId}/${k.subPageId ?? ""}`;

export function componentChanges(before: PageSummary, after: PageSummary, change: PageChange | null): ComponentStatusEvent[] {
  const previous = new Map(before.components.map((c) => [c.id, c.status]));
  return after.components
    .filter((c) => (previous.get(c.id) ?? "OPERATIONAL") !== c.status)
    .map((c) => ({
      pageId: after.pageId,
      subPageId: after.subPageId,
      componentId: c.id,
      name: c.name,
      previous: previous.get(c.id) ?? "OPERATIONAL",
      next: c.status,
      at: change?.at ?? new Date().toISOString(),
      cause: { subject: change?.subject ?? "PAGE", subjectId: change?.subjectId ?? null, kind: change?.kind ?? "UPDATED" },
    }));
}

export function createSummaryHub(options: { db: Db; events: Events; now: () => Date }) {
  const channels = new Map<string, Channel>();
  const pages = new Map<string, { stop: () => void; queue: Promise<void> }>();

  const compute = async (key: SummaryKey) => {
    const summary = await computePageSummary(options.db, key, options.now());
    return { summary, json: JSON.stringify({ ...summary, at: undefined }) };
  };

  async function refreshPage(pageId: string, change: PageChange | null): Promise<void> {
    for (const channel of channels.values()) {
      if (channel.key.pageId !== pageId || channel.listeners.size === 0) continue;
      const before = await channel.latest;
      const after = await compute(channel.key).catch(() => before);
      if (after.json === before.json) continue;
      channel.latest = Promise.resolve(after);
      const update = { summary: after.summary, componentChanges: componentChanges(before.summary, after.summary, change), change };
      for (const listener of channel.listeners) listener(update);
    }
  }

  function watchPage(pageId: string) {
    if (pages.has(pageId)) return;
    const iterator = options.events.subscribe("page:changed", pageId)[Symbol.asyncIterator]();
    const state = { queue: Promise.resolve(), stop: () => void iterator.return?.() };
    pages.set(pageId, state);
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const change = next.value;
        // One refresh at a time per page, in event order.
        state.queue = state.queue.then(() => refreshPage(pageId, change)).catch(() => undefined);
      }
    })();
  }

  function release(id: string, channel: Channel, listener: Listener) {
    channel.listeners.delete(listener);
    if (channel.listeners.size > 0) return;
    channels.delete(id);
    if (![...channels.values()].some((c) => c.key.pageId === channel.key.pageId)) {
      pages.get(channel.key.pageId)?.stop();
      pages.delete(channel.key.pageId);
    }
  }

  return {
    /** Registers a listener; resolves to the current summary (a reconnecting client starts from it) and an unsubscribe. */
    async listen(key: SummaryKey, listener: Listener): Promise<{ current: PageSummary; unsubscribe: () => void }> {
      const id = keyOf(key);
      let channel = channels.get(id);
      if (!channel) {
        channel = { key, latest: compute(key), listeners: new Set() };
        channels.set(id, channel);
        watchPage(key.pageId);
      }
      channel.listeners.add(listener);
      const ch = channel;
      try {
        const { summary } = await ch.latest;
        return { current: summary, unsubscribe: () => release(id, ch, listener) };
      } catch (error) {
        release(id, ch, listener);
        throw error;
      }
    },
    /** Recompute every watched page, e.g. after the event bus reconnects and events may have been missed. */
    async resync(): Promise<void> {
      await Promise.all([...pages.keys()].map((pageId) => refreshPage(pageId, null)));
    },
    stats: () => ({ channels: channels.size, pages: pages.size }),
    close() {
      for (const p of pages.values()) p.stop();
      pages.clear();
      channels.clear();
    },
  };
}

export type SummaryHub = ReturnType<typeof createSummaryHub>;
