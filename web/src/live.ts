// The pageStatus subscription: the full current summary on subscribe (and on
// every reconnect), then again after every change. What it carries is shown
// at once; what it does not (timelines, uptime, history, upcoming maintenance)
// is refetched after a random delay, so thousands of open pages do not all
// query the server in the same instant.
import { useEffect, useRef, useState } from "react";
import { useSubscription } from "urql";
import type { Incident } from "./components/IncidentCard.graphql.js";
import { graphql, type ResultOf } from "./graphql.js";
import type { ComponentGroup, PageBodyData, PageComponent } from "./types.js";

/**
 * The live summary. An incident's `sequence` numbers its latest update (1, 2, 3, …
 * in commit order); its `messageHtml` and `updatedAt` are that update's.
 */
export const PageStatusSubscription = graphql(`
  subscription PageStatus($page: String!, $subPage: String) {
    pageStatus(pageSlug: $page, subPageSlug: $subPage) {
      status sentence
      components { id name group status }
      incidents { id name status sequence messageHtml publishedAt updatedAt impacts { componentId name impact } }
      maintenances { id name status messageHtml startsAt endsAt components { componentId name impact } }
    }
  }
`);

export type LiveStatus = ResultOf<typeof PageStatusSubscription>["pageStatus"];
type LiveIncident = LiveStatus["incidents"][number];

/** Upper bound of the random delay before refetching what the live summary does not carry. */
export const REFRESH_JITTER_MS = 3_000;

export function useLiveStatus(page: string, subPage: string | null) {
  const [result] = useSubscription({ query: PageStatusSubscription, variables: { page, subPage } });
  const [version, setVersion] = useState(0);
  const last = useRef<LiveStatus | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useNewest(result.data?.pageStatus ?? null);

  useEffect(() => {
    if (!live || live === last.current) return;
    // The first summary matches what the page query just loaded; later ones
    // (including the first after a reconnect) mean something may have changed.
    const first = last.current === null;
    last.current = live;
    if (first || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setVersion((v) => v + 1);
    }, Math.random() * REFRESH_JITTER_MS);
  }, [live]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { live, error: result.error, version };
}

/**
 * `next` with any incident older than the one already shown kept as shown: a summary
 * that reached this page late (another instance, a reconnect) never steps an incident back.
 */
export function newerOf(shown: LiveStatus | null, next: LiveStatus): LiveStatus {
  if (!shown) return next;
  const seen = new Map(shown.incidents.map((i) => [i.id, i]));
  let stale = false;
  const incidents = next.incidents.map((i) => {
    const before = seen.get(i.id);
    if (!before || before.sequence <= i.sequence) return i;
    stale = true;
    return before;
  });
  return stale ? { ...next, incidents } : next;
}

function useNewest(next: LiveStatus | null): LiveStatus | null {
  const shown = useRef<LiveStatus | null>(null);
  const source = useRef<LiveStatus | null>(null);
  if (next !== source.current) {
    source.current = next;
    shown.current = next && newerOf(shown.current, next);
  }
  return shown.current;
}

const sameInstant = (a: string | undefined, b: string) => a !== undefined && Date.parse(a) === Date.parse(b);

/** A live incident with the loaded timeline; its latest update goes on top until the refetch brings it. */
function liveIncident(incident: LiveIncident, loaded: Incident | undefined): Incident {
  const updates = loaded?.updates ?? [];
  const latest = { id: `${incident.id}@${incident.updatedAt}`, status: incident.status, messageHtml: incident.messageHtml, publishedAt: incident.updatedAt };
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    publishedAt: incident.publishedAt,
    resolvedAt: null,
    currentImpacts: incident.impacts.filter((i) => i.impact !== "NO_IMPACT"),
    updates: sameInstant(updates[0]?.publishedAt, incident.updatedAt) ? updates : [latest, ...updates],
  };
}

/** The page as loaded, with everything the live summary says laid over it. */
export function withLive(body: PageBodyData, live: LiveStatus | null): PageBodyData {
  if (!live) return body;
  const loaded = new Map<string, PageComponent>(body.groups.flatMap((g) => g.components).map((c) => [c.id, c]));
  const groups: ComponentGroup[] = [];
  for (const c of live.components) {
    const component: PageComponent = { id: c.id, name: c.name, status: c.status, uptime: loaded.get(c.id)?.uptime };
    const current = groups.at(-1);
    if (current && current.name === c.group) current.components.push(component);
    else groups.push({ name: c.group, components: [component] });
  }
  const incidents = new Map(body.incidents.map((i) => [i.id, i]));
  return {
    ...body,
    summary: { status: live.status, sentence: live.sentence },
    groups,
    incidents: live.incidents.map((i) => liveIncident(i, incidents.get(i.id))),
    inProgress: live.maintenances,
  };
}
