import { gql, useQuery, type CombinedError } from "urql";

export interface Viewer {
  kind: "ANONYMOUS" | "OPERATOR" | "VIEWER";
  email: string | null;
  subPages: { slug: string; name: string; url: string }[];
}

export const ViewerQuery = gql<{ viewer: Viewer | null }, Record<string, never>>`
  query Viewer { viewer { kind email subPages { slug name url } } }
`;

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
