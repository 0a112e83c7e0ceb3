import { useQuery, type CombinedError } from "urql";
import { graphql, type ResultOf } from "./graphql.js";

export const ViewerQuery = graphql(`
  query Viewer { viewer { kind email subPages { slug name url } } }
`);

/** Who is asking: anonymous, an operator, or a signed-in viewer with the sub-pages they may see. */
export type Viewer = NonNullable<ResultOf<typeof ViewerQuery>["viewer"]>;

export function useViewer() {
  const [{ data, error, fetching }] = useQuery({ query: ViewerQuery, variables: {} });
  return { viewer: data?.viewer ?? null, error, fetching: fetching && !data };
}

/**
 * Why the server refused, if it did: UNAUTHENTICATED ("sign in") or FORBIDDEN
 * ("not with these credentials"), from the error's `extensions.code`.
 */
export function deniedReason(error: CombinedError | undefined): "UNAUTHENTICATED" | "FORBIDDEN" | null {
  for (const e of error?.graphQLErrors ?? []) {
    const code = e.extensions?.code;
    if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return code;
  }
  return null;
}
