// Uptime comes in its own request, after the page: 90 days per component is the
// heaviest part of a page to compute, and nothing above the fold waits for it.
import { useQuery } from "urql";
import { UPTIME_FIELDS, type Uptime } from "./components/UptimeBar.graphql.js";
import { graphql } from "./graphql.js";
import { useRefetchOn } from "./refresh.js";
import type { ComponentGroup } from "./types.js";

export const PageUptimeQuery = graphql(
  `
  query PageUptime($slug: String!) {
    statusPage(slug: $slug) { id components { id uptime(days: 90) { ...UptimeFields } } }
  }
`,
  [UPTIME_FIELDS],
);

export const SubPageUptimeQuery = graphql(
  `
  query SubPageUptime($page: String!, $slug: String!) {
    subPage(pageSlug: $page, slug: $slug) { id components { id uptime(days: 90) { ...UptimeFields } } }
  }
`,
  [UPTIME_FIELDS],
);

/** Uptime by component id; empty until loaded (the bars then appear). */
export function useUptime(page: string, subPage: string | null, version: number): Map<string, Uptime> {
  const [pageResult, reexecutePage] = useQuery({ query: PageUptimeQuery, variables: { slug: page }, pause: subPage !== null });
  const [subResult, reexecuteSub] = useQuery({ query: SubPageUptimeQuery, variables: { page, slug: subPage ?? "" }, pause: subPage === null });
  useRefetchOn(version, subPage === null ? reexecutePage : reexecuteSub);
  const owner = subPage === null ? pageResult.data?.statusPage : subResult.data?.subPage;
  return new Map((owner?.components ?? []).map((c) => [c.id, c.uptime]));
}

export function withUptime(groups: ComponentGroup[], uptime: Map<string, Uptime>): ComponentGroup[] {
  return groups.map((g) => ({ ...g, components: g.components.map((c) => ({ ...c, uptime: uptime.get(c.id) ?? c.uptime })) }));
}
