// `/`: the public status pages this server hosts.
import { gql, useQuery } from "urql";
import { Link } from "../router.js";
import { Layout } from "./Layout.js";
import { LoadError, Loading } from "./States.js";
import { StatusLabel } from "./StatusLabel.js";
import type { PageKind, StatusSummary } from "../types.js";

interface PageListItem {
  id: string;
  slug: string;
  title: string;
  kind: PageKind;
  summary: StatusSummary | null;
}

export const StatusPagesQuery = gql<{ statusPages: PageListItem[] }, Record<string, never>>`
  query StatusPages { statusPages { id slug title kind summary { status sentence } } }
`;

export function Home() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: StatusPagesQuery, variables: {} });
  const pages = data?.statusPages.filter((p) => p.kind === "PUBLIC");
  return (
    <Layout title="Status pages">
      <h2>Status pages</h2>
      {pages ? (
        pages.length === 0 ? (
          <p className="empty">No public status pages yet.</p>
        ) : (
          <ul className="page-list">
            {pages.map((p) => (
              <li key={p.id}>
                <Link href={`/${p.slug}`}>{p.title}</Link> {p.summary && <StatusLabel status={p.summary.status} />}
              </li>
            ))}
          </ul>
        )
      ) : fetching || !error ? (
        <Loading what="status pages" />
      ) : (
        <LoadError what="status pages" error={error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      )}
    </Layout>
  );
}
