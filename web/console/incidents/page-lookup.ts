// The console addresses pages by id; the API reads one by its slug.
import { useQuery } from "urql";
import { graphql } from "../../src/graphql.js";

const PageIdsQuery = graphql(`
  query ConsoleIncidentPageIds {
    statusPages { id slug }
  }
`);

/** The slug of the page with `pageId`: undefined while loading, null when there is none. */
export function usePageSlug(pageId: string) {
  const [result, refetch] = useQuery({ query: PageIdsQuery });
  const slug = result.data ? (result.data.statusPages.find((p) => p.id === pageId)?.slug ?? null) : undefined;
  return { slug, fetching: result.fetching, error: result.error, retry: () => refetch({ requestPolicy: "network-only" }) };
}
