/**
 * The answers and credentials kept in memory, and when they are dropped: each when its
 * page changes or its credential ends, and all of them after an outage of Redis (the
 * changes and sign-outs announced meanwhile never arrived) or of the database.
 */
import type { CredentialCache } from "../auth/credential-cache.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { createBadges } from "../http/badge.js";
import { createReadCache } from "../http/cache.js";
import { createFeeds } from "../http/feed.js";
import { createOutageWatch } from "../http/outage-watch.js";
import { createPageLooks } from "../http/page-look.js";
import { createStatuspageJson } from "../http/statuspage-json.js";
import type { Logger } from "../logger.js";
import type { CacheName } from "../metrics/series.js";
import type { RedisBus } from "../realtime/redis.js";
import type { PageSnapshots } from "../services/page-snapshots.js";

export interface ReadSideOptions {
  db: Db;
  events: Events;
  now: () => Date;
  log: Logger;
  redis: RedisBus | null;
  credentials: CredentialCache;
  /** Pages read once per change, shared by every request. */
  snapshots: PageSnapshots;
  maxResultBytes: number;
  /** Who sent a request, for answers that depend on it. */
  actorOf: (request: Request) => Promise<Actor>;
  /** Counts a cache's hits and misses, when metrics are on. */
  lookups: (cache: CacheName) => ((hit: boolean) => void) | undefined;
}

/** The read caches, and the outage watch that empties them when the database stops answering. */
export function createReadSide({ db, events, now, log, redis, credentials, snapshots, maxResultBytes, actorOf, lookups }: ReadSideOptions) {
  const readCache = createReadCache({ events, maxResultBytes, onLookup: lookups("graphql"), actorOf });
  const pageLooks = createPageLooks({ db, events, onLookup: lookups("page_look") });
  const badges = createBadges({ db, events, now, onLookup: lookups("badge") });
  const feeds = createFeeds({ db, events, onLookup: lookups("feed") });
  const statuspageJson = createStatuspageJson({ db, events });
  const caches = [readCache, snapshots, pageLooks, badges, feeds, statuspageJson, credentials];
  const clear = () => {
    for (const cache of caches) cache.clear();
  };
  redis?.onRecovered(clear);
  // Once the database stops answering, requests try it, and get the last known answers, marked stale, when it still does not answer.
  const outage = createOutageWatch(clear, (message) => log.warn(message));
  return {
    readCache,
    pageLooks,
    badges,
    feeds,
    statuspageJson,
    outage,
    close: () => {
      for (const cache of caches) cache.close();
    },
  };
}

export type ReadSide = ReturnType<typeof createReadSide>;
