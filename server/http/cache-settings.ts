/** How long and how many answers the read cache (cache.ts) keeps, and which operations it takes. */
export const READ_CACHE = {
  /** How long browsers and CDNs may reuse an answer without asking again. */
  maxAgeSeconds: 5,
  /** How long this server keeps an answer no change has dropped. */
  ttlMs: 60_000,
  /** Answers kept at most (least recently used go first). */
  maxEntries: 1_000,
  /** Signed-in viewers' answers kept at most, apart from the anonymous ones. */
  maxViewerEntries: 1_000,
  /** Operations costing more bypass the cache; the web client's page queries cost under 2,000. */
  maxCost: 2_500,
} as const;
