// `/`: the public status pages this server hosts.
import { useQuery } from "urql";
import { graphql } from "../graphql.js";
import { Link } from "../router.js";
import { Layout } from "./Layout.js";
import { LoadError, Loading } from "./States.js";
import { StatusLabel } from "./StatusLabel.js";
import { STATUS_SUMMARY_FIELDS } from "./Banner.graphql.js";

export const StatusPagesQuery = graphql(
  `
  query StatusPages { statusPages { id slug title kind summary { ...StatusSummaryFields } } }
`,
  [STATUS_SUMMARY_FIELDS],
);

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
