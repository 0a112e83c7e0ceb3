// Past incidents, newest first, loaded page by page. Public pages page through
// the relay connection by cursor; sub-pages have a plain list, so they ask for more.
import { useEffect, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import { formatDateTime } from "../format.js";
import { graphql, type ResultOf } from "../graphql.js";
import { useRefetchOn } from "../refresh.js";
import { INCIDENT_STATUS } from "../status.js";
import { LoadError, Loading } from "./States.js";

const PAGE_SIZE = 10;
const SUMMARY = graphql(`
  fragment IncidentSummaryFields on Incident { id name status publishedAt resolvedAt }
`);

/** An incident as the history lists it. */
type IncidentSummary = ResultOf<typeof SUMMARY>;

export const PublicHistoryQuery = graphql(
  `
  query PublicHistory($slug: String!, $after: String, $first: Int!) {
    statusPage(slug: $slug) {
      id
      incidentHistory(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...IncidentSummaryFields } }
      }
    }
  }
`,
  [SUMMARY],
);

type PageInfo = NonNullable<ResultOf<typeof PublicHistoryQuery>["statusPage"]>["incidentHistory"]["pageInfo"];

export const SubPageHistoryQuery = graphql(
  `
  query SubPageHistory($page: String!, $slug: String!, $first: Int!) {
    subPage(pageSlug: $page, slug: $slug) { id incidentHistory(first: $first) { ...IncidentSummaryFields } }
  }
`,
  [SUMMARY],
);

export function HistoryItem({ incident }: { incident: IncidentSummary }) {
  return (
    <li className="history-item">
      <span className="history-name">{incident.name}</span>
      <span className={`pill incident-${incident.status.toLowerCase()}`}>{INCIDENT_STATUS[incident.status]}</span>
      <span className="history-time">
        <time dateTime={incident.publishedAt}>{formatDateTime(incident.publishedAt)}</time>
        {incident.resolvedAt && (
          <>
            {" – resolved "}
            <time dateTime={incident.resolvedAt}>{formatDateTime(incident.resolvedAt)}</time>
          </>
        )}
      </span>
    </li>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">Incident history</h2>
      {children}
    </section>
  );
}

type PageReport = PageInfo & { count: number };

function PublicHistoryPage(props: { slug: string; after: string | null; version: number; onPage?: (report: PageReport) => void }) {
  const { slug, after, version, onPage } = props;
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PublicHistoryQuery, variables: { slug, after, first: PAGE_SIZE } });
  useRefetchOn(version, reexecute);
  const connection = data?.statusPage?.incidentHistory;
  useEffect(() => void (connection && onPage?.({ ...connection.pageInfo, count: connection.edges.length })), [connection, onPage]);
  if (fetching && !connection)
    return (
      <li>
        <Loading what="incidents" />
      </li>
    );
  if (error && !connection)
    return (
      <li>
        <LoadError what="incidents" error={error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      </li>
    );
  return (
    <>
      {connection?.edges.map(({ node }) => (
        <HistoryItem key={node.id} incident={node} />
      ))}
    </>
  );
}

export function PublicHistory({ slug, version }: { slug: string; version: number }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [tail, setTail] = useState<PageReport | null>(null);
  // After a change the pages shift; start again from the newest.
  useEffect(() => setCursors([null]), [version]);
  return (
    <Section>
      <ol className="history-list">
        {cursors.map((after, i) => (
          <PublicHistoryPage key={after ?? ""} slug={slug} after={after} version={version} onPage={i === cursors.length - 1 ? setTail : undefined} />
        ))}
      </ol>
      {tail && cursors.length === 1 && tail.count === 0 && <p className="empty">No incidents reported.</p>}
      {tail?.hasNextPage && (
        <button type="button" className="load-more" onClick={() => setCursors([...cursors, tail.endCursor])}>
          Load more
        </button>
      )}
    </Section>
  );
}

export function SubPageHistory({ page, slug, version }: { page: string; slug: string; version: number }) {
  const [first, setFirst] = useState(PAGE_SIZE);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SubPageHistoryQuery, variables: { page, slug, first } });
  useRefetchOn(version, reexecute);
  const items = data?.subPage?.incidentHistory;
  return (
    <Section>
      {!items && fetching && <Loading what="incidents" />}
      {!items && error && <LoadError what="incidents" error={error} />}
      {items && items.length === 0 && <p className="empty">No incidents reported.</p>}
      {items && items.length > 0 && (
        <ol className="history-list">
          {items.map((incident) => (
            <HistoryItem key={incident.id} incident={incident} />
          ))}
        </ol>
      )}
      {items && items.length === first && (
        <button type="button" className="load-more" disabled={fetching} onClick={() => setFirst(first + PAGE_SIZE)}>
          Load more
        </button>
      )}
    </Section>
  );
}
