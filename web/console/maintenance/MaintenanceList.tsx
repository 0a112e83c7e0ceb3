// /console/pages/:id/maintenance — a page's maintenance: Scheduled, In progress
// and Completed, following the service's own starts and completions live.
import { useQuery } from "urql";
import { MaintenanceCard } from "../../src/components/MaintenanceCard.js";
import type { Maintenance } from "../../src/components/MaintenanceCard.graphql.js";
import { Link, navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { PageMaintenanceQuery } from "./Maintenance.graphql.js";
import { usePageEventsReload } from "../ui/use-page-events.js";

function Section({ title, id, items, pageId }: { title: string; id: string; items: readonly Maintenance[]; pageId: string }) {
  return (
    <section aria-labelledby={id} data-list={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="maintenance-list">
          {items.map((m) => (
            <li key={m.id}>
              <MaintenanceCard maintenance={m} />
              <Link href={consolePath("pages", pageId, "maintenance", m.id)}>Open {m.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The maintenance screen of the page with `id`. */
export function MaintenanceList({ id }: { id: string }) {
  // Fresh on every visit: a change made while it was not open (scheduled from the form) sends it no event to reload on.
  const [result, refetch] = useQuery({ query: PageMaintenanceQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const page = result.data?.statusPageById;
  const { can } = useRole();
  const reload = () => refetch({ requestPolicy: "network-only" });
  usePageEventsReload(page?.slug, reload);

  if (result.data && !page) return <ConsoleNotFound what="This status page" />;
  const actions = can("PUBLISHER") && (
    <button type="button" onClick={() => navigate(consolePath("pages", id, "maintenance", "new"))}>
      Schedule maintenance
    </button>
  );
  return (
    <ConsoleLayout title={page ? `Maintenance · ${page.title}` : "Maintenance"} section="pages" actions={actions}>
      <p>
        <Link href={consolePath("pages", id)}>Back to the page overview</Link>
      </p>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {page && (
        <>
          <Section title="Scheduled" id="scheduled" items={page.upcoming} pageId={id} />
          <Section title="In progress" id="in-progress" items={page.inProgress} pageId={id} />
          <Section title="Completed" id="completed" items={page.past} pageId={id} />
        </>
      )}
    </ConsoleLayout>
  );
}
