// /console/pages/:pageId/incidents — a page's ongoing and recent incidents, each
// linking to its incident page, and `Publish incident` for publishers.
import { useQuery } from "urql";
import { formatDateTime } from "../../src/format.js";
import { graphql } from "../../src/graphql.js";
import { Link, navigate } from "../../src/router.js";
import { INCIDENT_STATUS } from "../../src/status.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { RequireRole, type Role } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { TableScroll } from "../ui/TableScroll.js";
import { usePageSlug } from "./page-lookup.js";

/** Publishing, updating and deleting incidents needs this role. */
const PUBLISHER: Role = "PUBLISHER";

const PageIncidentsQuery = graphql(`
  query ConsolePageIncidents($slug: String!) {
    statusPage(slug: $slug) {
      id title slug
      incidentHistory(first: 20) { edges { node { id name status publishedAt resolvedAt } } }
    }
  }
`);

type Listed = { id: string; name: string; status: keyof typeof INCIDENT_STATUS; publishedAt: string; resolvedAt: string | null };

function IncidentTable({ pageId, incidents, caption }: { pageId: string; incidents: Listed[]; caption: string }) {
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Status</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} data-incident={incident.id}>
              <th scope="row">
                <Link href={consolePath("pages", pageId, "incidents", incident.id)}>{incident.name}</Link>
              </th>
              <td>
                <span className={`pill incident-${incident.status.toLowerCase()}`}>{INCIDENT_STATUS[incident.status]}</span>
              </td>
              <td>
                <time dateTime={incident.publishedAt}>{formatDateTime(incident.publishedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The page's incidents: ongoing first, then the recently resolved. */
export function PageIncidents({ pageId }: { pageId: string }) {
  const lookup = usePageSlug(pageId);
  const [result, refetch] = useQuery({
    query: PageIncidentsQuery,
    variables: { slug: lookup.slug ?? "" },
    pause: !lookup.slug,
    requestPolicy: "cache-and-network",
  });
  if (lookup.slug === null || (result.data && !result.data.statusPage)) return <ConsoleNotFound what="This status page" />;
  const page = result.data?.statusPage;
  const all = page?.incidentHistory.edges.map((e) => e.node) ?? [];
  const ongoing = all.filter((i) => i.status !== "RESOLVED");
  const recent = all.filter((i) => i.status === "RESOLVED");
  const actions = (
    <RequireRole role={PUBLISHER}>
      <button type="button" className="primary" onClick={() => navigate(consolePath("pages", pageId, "incidents", "new"))}>
        Publish incident
      </button>
    </RequireRole>
  );
  return (
    <ConsoleLayout title={page ? `${page.title}: incidents` : "Incidents"} section="pages" actions={actions}>
      {lookup.error && <LoadFailed error={lookup.error} retry={lookup.retry} />}
      {result.error && <LoadFailed error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />}
      {!page && !lookup.error && !result.error && <Loading />}
      {page && (
        <>
          <p>
            Public page: <a href={`/${page.slug}`}>/{page.slug}</a>
          </p>
          {ongoing.length > 0 ? <IncidentTable pageId={pageId} incidents={ongoing} caption="Ongoing incidents" /> : <p>No ongoing incidents.</p>}
          {recent.length > 0 ? <IncidentTable pageId={pageId} incidents={recent} caption="Recent incidents" /> : <p>No recently resolved incidents.</p>}
        </>
      )}
    </ConsoleLayout>
  );
}
