// Reloads a screen whenever the page's incidents or maintenance move: a
// publish, an update, a delete, or the service starting or completing a window.
import { useEffect, useRef } from "react";
import { useSubscription } from "urql";
import { graphql } from "../../src/graphql.js";

/** Every incident and maintenance event on the page: each means what a screen shows of them moved. */
const PageEvents = graphql(`
  subscription ConsolePageEvents($slug: String!) {
    pageEvents(pageSlug: $slug) { kind subject id }
  }
`);

/** Calls `reload` on every page event for `slug` (none while `slug` is unknown). */
export function usePageEventsReload(slug: string | undefined, reload: () => void): void {
  const [live] = useSubscription({ query: PageEvents, variables: { slug: slug ?? "" }, pause: !slug });
  const latest = useRef(reload);
  latest.current = reload;
  const seen = useRef<unknown>(null);
  useEffect(() => {
    const event = live.data?.pageEvents;
    if (!event || event === seen.current) return;
    seen.current = event;
    latest.current();
  }, [live.data]);
}
