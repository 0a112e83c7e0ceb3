// The audit log as the screen reads it: the first page through urql's cache, older
// pages appended on "Load more" by following the connection's end cursor.
import { useState } from "react";
import { useClient, useQuery, type CombinedError } from "urql";
import { AuditLogQuery, type AdminAuditEntry } from "./AuditLog.graphql.js";
import type { AuditView } from "./audit-view.js";

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

interface Older {
  entries: AdminAuditEntry[];
  pageInfo: PageInfo;
}

export interface AuditLogState {
  /** Null until the first page has arrived (or when it failed). */
  entries: AdminAuditEntry[] | null;
  /** The first page's failure: a refused filter, or the service unreachable. */
  error: CombinedError | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last "Load more" failed, if it did. */
  moreError: CombinedError | undefined;
  loadMore: () => Promise<void>;
  retry: () => void;
}

/** The entries in order, each once: a refreshed first page may overlap the older pages already read. */
function withoutRepeats(entries: AdminAuditEntry[]): AdminAuditEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}

/** Reads `view`; a new view needs a fresh hook (the screen keys its body by the URL). */
export function useAuditLog({ filter, size }: AuditView): AuditLogState {
  const client = useClient();
  const variables = { filter, first: size };
  const [first, refetch] = useQuery({ query: AuditLogQuery, variables, requestPolicy: "cache-and-network" });
  const [older, setOlder] = useState<Older | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | undefined>(undefined);
  const log = first.data?.auditLog;
  const pageInfo: PageInfo | undefined = older?.pageInfo ?? log?.pageInfo;

  const loadMore = async () => {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    const result = await client.query(AuditLogQuery, { ...variables, after: pageInfo.endCursor }, { requestPolicy: "network-only" }).toPromise();
    setLoadingMore(false);
    setMoreError(result.error);
    const next = result.data?.auditLog;
    if (next) setOlder((o) => ({ entries: [...(o?.entries ?? []), ...next.edges.map((e) => e.node)], pageInfo: next.pageInfo }));
  };

  return {
    entries: log ? withoutRepeats([...log.edges.map((e) => e.node), ...(older?.entries ?? [])]) : null,
    error: log ? undefined : first.error,
    hasMore: !!pageInfo?.hasNextPage,
    loadingMore,
    moreError,
    loadMore,
    retry: () => refetch({ requestPolicy: "network-only" }),
  };
}
