// Past incidents, newest first, loaded page by page: public pages and sub-pages
// alike page through their relay connection by cursor.
import { Fragment, useEffect, useState, type ReactNode } from "react";
import { useQuery, type TypedDocumentNode } from "urql";
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

/** One page of the history, as both queries return it. */
type Connection = NonNullable<ResultOf<typeof PublicHistoryQuery>["statusPage"]>["incidentHistory"];
type PageInfo = Connection["pageInfo"];

export const SubPageHistoryQuery = graphql(
  `
  query SubPageHistory($page: String!, $slug: String!, $after: String, $first: Int!) {
    subPage(pageSlug: $page, slug: $slug) {
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

interface PageProps<Data, Vars> {
  query: TypedDocumentNode<Data, Vars>;
  variables: Vars;
  connection: (data: Data | undefined) => Connection | undefined;
  version: number;
  onPage?: (report: PageReport) => void;
}

function HistoryPage<Data, Vars extends object>({ query, variables, connection: pick, version, onPage }: PageProps<Data, Vars>) {
  const [{ data, error, fetching }, reexecute] = useQuery<Data, Vars>({ query, variables } as Parameters<typeof useQuery<Data, Vars>>[0]);
  useRefetchOn(version, reexecute);
  const connection = pick(data);
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

/** Pages of the history, each asked for with the cursor the one before ended at. */
function History({ page, version }: { page: (after: string | null, onPage?: (report: PageReport) => void) => ReactNode; version: number }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [tail, setTail] = useState<PageReport | null>(null);
  // After a change the pages shift; start again from the newest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, not an input
  useEffect(() => setCursors([null]), [version]);
  return (
    <Section>
      <ol className="history-list">
        {cursors.map((after, i) => (
          <Fragment key={after ?? ""}>{page(after, i === cursors.length - 1 ? setTail : undefined)}</Fragment>
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

export function PublicHistory({ slug, version }: { slug: string; version: number }) {
  return (
    <History
      version={version}
      page={(after, onPage) => (
        <HistoryPage
          query={PublicHistoryQuery}
          variables={{ slug, after, first: PAGE_SIZE }}
          connection={(d) => d?.statusPage?.incidentHistory}
          version={version}
          onPage={onPage}
        />
      )}
    />
  );
}

export function SubPageHistory({ page, slug, version }: { page: string; slug: string; version: number }) {
  return (
    <History
      version={version}
      page={(after, onPage) => (
        <HistoryPage
          query={SubPageHistoryQuery}
          variables={{ page, slug, after, first: PAGE_SIZE }}
          connection={(d) => d?.subPage?.incidentHistory}
          version={version}
          onPage={onPage}
        />
      )}
    />
  );
}
